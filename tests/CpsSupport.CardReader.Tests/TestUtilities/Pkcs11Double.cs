using System.Reflection;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace CpsSupport.CardReader.Tests.TestUtilities;

/// <summary>
/// Test doubles at the PKCS#11 boundary: the real SoftHSM2 library seen through DispatchProxy decorators that change
/// what a real CPS card does and SoftHSM2 cannot (lock the PIN after 3 tries, vanish in the middle of a read).
/// </summary>
public static class Pkcs11Double
{
    /// <summary>
    /// A card whose PIN is locked, as a CPS card after 3 wrong PINs: C_Login answers CKR_PIN_LOCKED and, when
    /// <paramref name="flagsSayLocked"/>, the token flags carry CKF_USER_PIN_LOCKED.
    /// </summary>
    public static IPkcs11Library LockedPin(IPkcs11Library library, bool flagsSayLocked) =>
        Library(library, slot => Decorate(slot, (method, args, call) => method.Name switch
        {
            nameof(ISlot.GetTokenInfo) when flagsSayLocked => LockedTokenInfo((ITokenInfo)call()!),
            nameof(ISlot.OpenSession) => Decorate((ISession)call()!, (m, _, c) => m.Name == nameof(ISession.Login)
                ? throw new Pkcs11Exception("C_Login", CKR.CKR_PIN_LOCKED)
                : c()),
            _ => call(),
        }));

    /// <summary>A card pulled out of the reader once the session is open: reading attributes answers CKR_DEVICE_REMOVED.</summary>
    public static IPkcs11Library RemovedDuringRead(IPkcs11Library library) =>
        Library(library, slot => Decorate(slot, (method, _, call) => method.Name == nameof(ISlot.OpenSession)
            ? Decorate((ISession)call()!, (m, _, c) => m.Name == nameof(ISession.GetAttributeValue) ? throw new Pkcs11Exception("C_GetAttributeValue", CKR.CKR_DEVICE_REMOVED) : c())
            : call()));

    /// <summary>A workstation whose reader is unplugged: the module loads but lists no slot at all.</summary>
    public static IPkcs11Library NoReader(IPkcs11Library library) =>
        Decorate(library, (method, _, call) => method.Name == nameof(IPkcs11Library.GetSlotList) ? new List<ISlot>() : call());

    private static IPkcs11Library Library(IPkcs11Library library, Func<ISlot, ISlot> slot) =>
        Decorate(library, (method, _, call) => method.Name == nameof(IPkcs11Library.GetSlotList)
            ? ((List<ISlot>)call()!).Select(slot).ToList()
            : call());

    private static ITokenInfo LockedTokenInfo(ITokenInfo info) =>
        Decorate(info, (method, _, call) => method.Name == "get_" + nameof(ITokenInfo.TokenFlags)
            ? Decorate((ITokenFlags)call()!, (m, _, c) => m.Name switch
            {
                "get_" + nameof(ITokenFlags.UserPinLocked) => true,
                "get_" + nameof(ITokenFlags.UserPinCountLow) or "get_" + nameof(ITokenFlags.UserPinFinalTry) => false,
                _ => c(),
            })
            : call());

    private static T Decorate<T>(T inner, Func<MethodInfo, object?[]?, Func<object?>, object?> intercept) where T : class
    {
        var proxy = DispatchProxy.Create<T, Decorator>();
        var decorator = (Decorator)(object)proxy;
        decorator.Inner = inner;
        decorator.Intercept = intercept;
        return proxy;
    }

    public class Decorator : DispatchProxy
    {
        internal object Inner { get; set; } = null!;
        internal Func<MethodInfo, object?[]?, Func<object?>, object?> Intercept { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            Intercept(targetMethod!, args, () =>
            {
                try
                {
                    return targetMethod!.Invoke(Inner, args);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                    throw;
                }
            });
    }
}
