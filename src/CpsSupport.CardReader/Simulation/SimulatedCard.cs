using System.Security.Cryptography.X509Certificates;

namespace CpsSupport.CardReader.Simulation;

/// <summary>
/// A test card of the simulator: its certificate (with private key), the authority that issued it, and what the
/// server's verdict should say. <see cref="RegistryHint"/> tells how the demo registry must hold it for that verdict.
/// </summary>
public sealed record SimulatedCard(
    string Key,
    string Label,
    string ExpectedVerdict,
    string SerialNumber,
    string RegistryHint,
    X509Certificate2 Certificate,
    X509Certificate2 Authority,
    bool StartsLocked = false);
