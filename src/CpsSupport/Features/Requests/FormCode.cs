namespace CpsSupport.Features.Requests;

/// <summary>The ANS forms the desk handles (F413 kept for later scope).</summary>
public enum FormCode
{
    F101,
    F201,
    F301,
    F414,
    F501,
    F502,
    F503,
    F504,
    F413,
}
