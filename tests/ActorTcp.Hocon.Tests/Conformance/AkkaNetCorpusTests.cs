using ActorTcp.Hocon.Tests.Support;

namespace ActorTcp.Hocon.Tests.Conformance;

/// <summary>Akka.NET's reference configurations: large real-world HOCON that must parse and read as written.</summary>
public sealed class AkkaNetCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (!Corpus.IsAvailable)
        {
            return data;
        }

        foreach (var file in Directory.GetFiles(Corpus.AkkaNet, "*.conf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Corpus.AkkaNet, file));
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void EveryFile_ParsesAndResolves(string relativePath)
    {
        var config = HoconConfig.ParseFile(Path.Combine(Corpus.AkkaNet, relativePath), TestHocon.NoEnvironment);

        Assert.True(config.HasPath("akka"));
    }

    [CorpusFact]
    public void AllFiveFiles_AreFound()
    {
        Assert.Equal(5, ((IEnumerable<object[]>)Files()).Count());
    }

    [CorpusFact]
    public void AkkaConf_TypedReadsReturnWhatTheFileSays()
    {
        var config = HoconConfig.ParseFile(Corpus.AkkaConf, TestHocon.NoEnvironment);

        Assert.Equal(TimeSpan.FromMilliseconds(10), config.GetDuration("akka.scheduler.tick-duration"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("akka.io.tcp.register-timeout"));
        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetDuration("akka.actor.ask-timeout"));
        Assert.Equal(TimeSpan.FromMinutes(5), config.GetDuration("akka.log-dead-letters-suspend-duration"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("akka.actor.deployment.default.within"));
        Assert.False(config.GetBoolean("akka.log-config-on-start"));
        Assert.Equal(1000, config.GetInt("akka.actor.inbox.inbox-size"));
        Assert.Equal(0.2, config.GetDouble("akka.actor.deployment.default.resizer.rampup-rate"), 10);
        Assert.Equal(4, config.GetInt("akka.actor.serialization-identifiers.\"Akka.Serialization.ByteArraySerializer, Akka\""));
        Assert.Equal("Akka.Actor.LocalActorRefProvider", config.GetString("akka.actor.provider"));
    }

    [CorpusFact]
    public void AkkaConf_InheritedObjectsKeepInheritedAndOwnKeys()
    {
        var config = HoconConfig.ParseFile(Corpus.AkkaConf, TestHocon.NoEnvironment);

        var workPulling = config.GetConfig("akka.reliable-delivery.work-pulling.producer-controller");

        Assert.Equal(TimeSpan.FromSeconds(3), workPulling.GetDuration("durable-queue.request-timeout"));
        Assert.Equal(1000, workPulling.GetInt("buffer-size"));
        Assert.Equal(TimeSpan.FromSeconds(60), workPulling.GetDuration("internal-ask-timeout"));
    }

    [CorpusFact]
    public void RemoteConf_SizesAndInheritedTransportReadAsWritten()
    {
        var config = HoconConfig.ParseFile(Path.Combine(Corpus.AkkaNet, "src", "core", "Akka.Remote", "Configuration", "Remote.conf"), TestHocon.NoEnvironment);

        Assert.Equal(128000, config.GetBytes("akka.remote.dot-netty.tcp.maximum-frame-size"));
        Assert.Equal(256000, config.GetBytes("akka.remote.dot-netty.tcp.send-buffer-size"));
        Assert.Equal(TimeSpan.FromSeconds(4), config.GetDuration("akka.remote.transport-failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromSeconds(120), config.GetDuration("akka.remote.transport-failure-detector.acceptable-heartbeat-pause"));
        Assert.Equal("udp", config.GetString("akka.remote.dot-netty.udp.transport-protocol"));
        Assert.Equal(2552, config.GetInt("akka.remote.dot-netty.udp.port"));
        Assert.Equal(128000, config.GetBytes("akka.remote.dot-netty.udp.maximum-frame-size"));
    }

    [CorpusFact]
    public void ClusterStreamsAndShardingConfs_ReadAsWritten()
    {
        var cluster = HoconConfig.ParseFile(Path.Combine(Corpus.AkkaNet, "src", "core", "Akka.Cluster", "Configuration", "Cluster.conf"), TestHocon.NoEnvironment);
        var streams = HoconConfig.ParseFile(Path.Combine(Corpus.AkkaNet, "src", "core", "Akka.Streams", "reference.conf"), TestHocon.NoEnvironment);
        var sharding = HoconConfig.ParseFile(Path.Combine(Corpus.AkkaNet, "src", "contrib", "cluster", "Akka.Cluster.Sharding", "reference.conf"), TestHocon.NoEnvironment);

        Assert.Equal(TimeSpan.FromSeconds(5), cluster.GetDuration("akka.cluster.seed-node-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(1), cluster.GetDuration("akka.cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(TimeSpan.FromMilliseconds(33), cluster.GetDuration("akka.cluster.scheduler.tick-duration"));
        Assert.Equal(TimeSpan.FromSeconds(30), streams.GetDuration("akka.stream.materializer.stream-ref.subscription-timeout"));
        Assert.Equal(1_000_000_000, streams.GetBytes("akka.stream.materializer.max-fixed-buffer-size"));
        Assert.False(streams.GetBoolean("akka.stream.materializer.debug.fuzzing-mode"));
        Assert.Equal(TimeSpan.FromSeconds(120), sharding.GetDuration("akka.cluster.sharding.passivate-idle-entity-after"));
        Assert.Equal(TimeSpan.FromSeconds(120), sharding.GetDuration("akka.cluster.sharded-daemon-process.sharding.passivate-idle-entity-after"));
        Assert.False(sharding.GetBoolean("akka.cluster.sharding.remember-entities"));
    }
}
