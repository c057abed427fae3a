using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;

namespace CpsSupport.Features.Documents;

/// <summary>
/// No document ever prints a card's PIN (« code porteur ») or unblock code (« code de déblocage », PUK):
/// a template that names such a field, or a model that carries one, is refused before anything is rendered.
/// </summary>
internal static partial class SecretFields
{
    /// <summary>True for member names that hold a PIN or unblock code, in English or French, any casing.</summary>
    public static bool IsSecret(string memberName) =>
        SecretName().IsMatch(JsonNamingPolicy.SnakeCaseLower.ConvertName(memberName));

    /// <summary>The first secret member a template reads (<c>card.pin</c> → <c>pin</c>), or null.</summary>
    public static string? FindIn(IFluidTemplate template)
    {
        var visitor = new Visitor();
        visitor.VisitTemplate(template);
        return visitor.Found;
    }

    /// <summary>Refuses a model type whose properties, at any depth, carry a secret.</summary>
    /// <exception cref="InvalidOperationException">A property is named like a PIN or unblock code.</exception>
    public static void EnsureNoneIn(Type modelType)
    {
        foreach (var type in ModelTypes(modelType))
        {
            var secret = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => IsSecret(p.Name));
            if (secret is not null)
            {
                throw new InvalidOperationException(
                    $"{type.Name}.{secret.Name} looks like a PIN or unblock code: document models must never carry one.");
            }
        }
    }

    /// <summary>The model type and every non-framework type reachable through its properties and collections.</summary>
    public static IReadOnlyCollection<Type> ModelTypes(Type root)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }

            if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            {
                type.GetGenericArguments().ToList().ForEach(pending.Push);
                continue;
            }

            if (type.IsEnum || type.IsPrimitive || IsFramework(type) || !found.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                pending.Push(property.PropertyType);
            }
        }

        return found;
    }

    private static bool IsFramework(Type type) =>
        type.Namespace is { } ns && (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal));

    // pin, code_pin, pin_code, puk, unblock(ing)_code, code_porteur, code_(de_)deblocage…
    [GeneratedRegex("(^|_)(pin|puk)(_|$)|code_porteur|unblock|deblocage", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    private sealed class Visitor : AstVisitor
    {
        public string? Found { get; private set; }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            Found ??= memberExpression.Segments.OfType<IdentifierSegment>().Select(s => s.Identifier).FirstOrDefault(IsSecret);
            return base.VisitMemberExpression(memberExpression);
        }
    }
}
