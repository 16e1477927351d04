using SupportLens.Analytics.Health;

namespace SupportLens.Analytics.Tests.Health;

public sealed class HealthComponentKeysTests
{
    [Fact]
    public void Every_component_has_a_snake_case_key_that_reads_back()
    {
        foreach (var component in Enum.GetValues<HealthComponent>())
        {
            Assert.Matches("^[a-z]+(_[a-z]+)*$", component.Key());
            Assert.True(HealthComponentKeys.TryParse(component.Key(), out var parsed));
            Assert.Equal(component, parsed);
        }
        Assert.Equal("renewal_proximity", HealthComponent.RenewalProximity.Key());
        Assert.False(HealthComponentKeys.TryParse("Csat", out _));
    }
}
