using System.Linq.Expressions;
using System.Reflection;

namespace ExportKit;

/// <summary>
/// A test's stand-in for <c>with</c> on the models that are classes (they hold lists, which a record would compare by
/// reference): a shallow copy with one init-only property changed, the property named by a lambda so that a rename
/// still compiles or fails. Tests only; hosts build a new object.
/// </summary>
public static class Copies
{
    private static readonly MethodInfo CloneMethod = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>Copies <paramref name="source"/> with <paramref name="property"/> set to <paramref name="value"/>.</summary>
    public static T With<T, TValue>(this T source, Expression<Func<T, TValue>> property, TValue value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        var member = property.Body is MemberExpression { Member: PropertyInfo info } ? info : throw new ArgumentException("Name a property: it => it.Name.", nameof(property));
        var copy = (T)CloneMethod.Invoke(source, null)!;
        var setter = member.DeclaringType!.GetProperty(member.Name)!.GetSetMethod(nonPublic: true) ?? throw new ArgumentException($"{member.Name} has no init accessor.", nameof(property));
        setter.Invoke(copy, [value]);
        return copy;
    }
}
