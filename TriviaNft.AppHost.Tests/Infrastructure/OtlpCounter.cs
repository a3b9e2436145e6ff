namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// Counts the records of an OTLP export request without a protobuf library. Traces, logs and metrics share one
/// shape: request { repeated Resource* = 1 } → Resource* { repeated Scope* = 2 } → Scope* { repeated record = 2 }
/// (spans, log records, metrics).
/// </summary>
internal static class OtlpCounter
{
    public static int Records(byte[] request)
    {
        var count = 0;
        foreach (var resource in Fields(request, 1))
        {
            foreach (var scope in Fields(resource, 2))
            {
                count += Fields(scope, 2).Count();
            }
        }

        return count;
    }

    // The length-delimited fields numbered `number` of one message.
    private static IEnumerable<byte[]> Fields(byte[] message, int number)
    {
        var at = 0;
        var found = new List<byte[]>();
        while (at < message.Length)
        {
            var key = Varint(message, ref at);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case 0:
                    Varint(message, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref at);
                    if ((int)(key >> 3) == number)
                    {
                        found.Add(message[at..(at + length)]);
                    }

                    at += length;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {wireType} at {at}: not an OTLP protobuf message.");
            }
        }

        return found;
    }

    private static ulong Varint(byte[] buffer, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
