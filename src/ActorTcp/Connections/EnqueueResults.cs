namespace ActorTcp.Connections;

/// <summary>The <see cref="EnqueueResult"/> values boxed once, so replying to a send allocates nothing.</summary>
internal static class EnqueueResults
{
    private static readonly object[] BoxedValues = [EnqueueResult.Accepted, EnqueueResult.Suspended, EnqueueResult.Refused];

    public static object Boxed(EnqueueResult result) => BoxedValues[(int)result];
}
