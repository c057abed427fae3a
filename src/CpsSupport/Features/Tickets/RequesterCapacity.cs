namespace CpsSupport.Features.Tickets;

/// <summary>In what capacity the requester contacts the desk; it decides which forms and channels are open to them.</summary>
public enum RequesterCapacity
{
    Holder,
    Mandatary,
    StructureHead,
    Authority,
    Other,
}
