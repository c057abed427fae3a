namespace CpsSupport.Features.Requests;

/// <summary>How a form reached the desk; the rules say which capacity may use which channel (seeds/001).</summary>
public enum RequestChannel
{
    /// <summary>The PDF form sent by e-mail or post, with a scan of an identity document.</summary>
    Mail,
    /// <summary>A call to the desk (0 825 852 000).</summary>
    Phone,
    /// <summary>TOM, the ANS online service of structure heads and mandataries.</summary>
    Tom,
    /// <summary>TOPS, the ANS online service of liberal-practice health professionals for their employees.</summary>
    Tops,
    /// <summary>This application's structure portal, signed in as structure manager or mandatary.</summary>
    Portal,
}
