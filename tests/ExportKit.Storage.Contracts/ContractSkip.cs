using System.ComponentModel;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// Put on a class deriving from a contract suite whose store needs something outside the test run (a database
/// server): when <see cref="SkipReason"/> is not <see langword="null"/>, every test of the suite in that class is
/// reported as skipped with that reason instead of failing. Classes without it run every test.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class ContractSkipAttribute : Attribute
{
    /// <summary>Why the suite cannot run here, or <see langword="null"/> to run it.</summary>
    public abstract string? SkipReason { get; }

    internal static string? ReasonFor(ITestMethod testMethod, IAttributeInfo factAttribute) =>
        testMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttribute<ContractSkipAttribute>(inherit: true)?.SkipReason
        ?? (factAttribute is IReflectionAttributeInfo { Attribute: ContractFactAttribute { NeedsGoTlog: true } } ? GoTlogVerifier.SkipReason : null);
}

/// <summary>
/// A contract fact: runs as <see cref="FactAttribute"/> unless the deriving class says why it cannot
/// (<see cref="ContractSkipAttribute"/>), or it needs Go's reference verifier (<see cref="NeedsGoTlog"/>) and that cannot
/// be built here.
/// </summary>
[XunitTestCaseDiscoverer("ExportKit.Storage.Contracts.ContractFactDiscoverer", "ExportKit.Storage.Contracts")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractFactAttribute : FactAttribute
{
    /// <summary>Gets or sets a value indicating whether the test runs <see cref="GoTlogVerifier"/>.</summary>
    public bool NeedsGoTlog { get; set; }
}

/// <summary>A contract theory: runs as <see cref="TheoryAttribute"/> unless the deriving class says why it cannot (<see cref="ContractSkipAttribute"/>).</summary>
[XunitTestCaseDiscoverer("ExportKit.Storage.Contracts.ContractTheoryDiscoverer", "ExportKit.Storage.Contracts")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ContractTheoryAttribute : TheoryAttribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink sink = diagnosticMessageSink;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The runner owns and disposes of the test cases a discoverer returns.")]
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ContractSkipAttribute.ReasonFor(testMethod, factAttribute) is null
            ? base.Discover(discoveryOptions, testMethod, factAttribute)
            : [SkippedContractTestCase.For(sink, discoveryOptions, testMethod)];
}

public sealed class ContractTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink sink = diagnosticMessageSink;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The runner owns and disposes of the test cases a discoverer returns.")]
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ContractSkipAttribute.ReasonFor(testMethod, theoryAttribute) is null
            ? base.Discover(discoveryOptions, testMethod, theoryAttribute)
            : [SkippedContractTestCase.For(sink, discoveryOptions, testMethod)];
}

/// <summary>A contract test reported as skipped; the reason is asked of the test class again after deserialisation.</summary>
public sealed class SkippedContractTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedContractTestCase()
    {
    }

    public SkippedContractTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    internal static SkippedContractTestCase For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod) =>
        new(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod);

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        ContractSkipAttribute.ReasonFor(TestMethod, factAttribute) ?? "skipped";
}
