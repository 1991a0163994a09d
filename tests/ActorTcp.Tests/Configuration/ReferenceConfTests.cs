using System.Reflection;
using ActorTcp.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Tests.Configuration;

public sealed class ReferenceConfTests
{
    private static readonly string ReferenceConf = Path.Combine(AppContext.BaseDirectory, "reference.conf");

    [Fact]
    public void ReferenceConf_ListsExactlyTheOptionsKeys()
    {
        // Arrange
        var expected = Leaves(typeof(ActorTcpOptions), new ActorTcpOptions(), ActorTcpOptions.Section)
            .Select(leaf => leaf.Key).ToHashSet();

        // Act
        var listed = StrictReferenceConfReader.Read(ReferenceConf).Keys.ToHashSet();

        // Assert
        Assert.Empty(expected.Except(listed).Select(key => $"missing from reference.conf: {key}"));
        Assert.Empty(listed.Except(expected).Select(key => $"no option for: {key}"));
    }

    [Fact]
    public void ReferenceConfDefaults_EqualTheOptionsDefaults()
    {
        // Arrange
        var listed = StrictReferenceConfReader.Read(ReferenceConf);

        // Act
        var mismatches = Leaves(typeof(ActorTcpOptions), new ActorTcpOptions(), ActorTcpOptions.Section)
            .Where(leaf => listed.ContainsKey(leaf.Key))
            .Select(leaf => (leaf.Key, leaf.Default, Listed: ReferenceConfValue.Convert(listed[leaf.Key], leaf.Type)))
            .Where(leaf => !Equals(leaf.Default, leaf.Listed))
            .Select(leaf => $"{leaf.Key}: options default {leaf.Default}, reference.conf {leaf.Listed}")
            .ToList();

        // Assert
        Assert.Empty(mismatches);
    }

    [Fact]
    public void StrictReader_RejectsWhatItDoesNotUnderstand()
    {
        // Arrange
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "actortcp {\n  listen.port = 1\n}\n");

        try
        {
            // Act
            var failure = Assert.Throws<FormatException>(() => StrictReferenceConfReader.Read(path));

            // Assert
            Assert.Contains(":2:", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<(string Key, Type Type, object? Default)> Leaves(Type type, object instance, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{path}.{property.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name}";
            var value = property.GetValue(instance);
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                foreach (var leaf in Leaves(property.PropertyType, value!, key))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (key, property.PropertyType, value);
            }
        }
    }
}
