using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>One OTLP/HTTP export as the project sent it: the signal path and the raw protobuf body.</summary>
internal sealed record OtlpExport(string Path, byte[] Body);

/// <summary>
/// An OTLP/HTTP receiver in the test that keeps every export's raw body and forwards it, headers included (the
/// dashboard's API key), to the dashboard's own OTLP/HTTP endpoint, so the dashboard still shows everything.
/// Protobuf keeps strings as UTF-8 bytes, so a secret in any log, span or metric attribute is in these bodies.
/// </summary>
internal sealed class OtlpCapture : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Connection", "Expect" };
    private readonly HttpListener _listener = new();
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentQueue<OtlpExport> _exports = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Task _loop;

    private OtlpCapture(int port)
    {
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>What the projects export to (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public string Endpoint { get; }

    /// <summary>The dashboard's OTLP/HTTP endpoint the exports are forwarded to (known once Aspire resolved it).</summary>
    public string? DashboardEndpoint { get; set; }

    /// <summary>Every export so far.</summary>
    public IReadOnlyList<OtlpExport> Exports => [.. _exports];

    /// <summary>Why the dashboard did not accept an export, one entry per failure (diagnostics).</summary>
    public IReadOnlyList<string> ForwardFailures => [.. _failures];

    public static OtlpCapture Start() => new(FreePort());

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
        _forward.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var bytes = body.ToArray();
            var path = context.Request.Url!.AbsolutePath;
            _exports.Enqueue(new OtlpExport(path, Decoded(bytes, context.Request.Headers["Content-Encoding"])));

            using var forward = new HttpRequestMessage(HttpMethod.Post, DashboardEndpoint?.TrimEnd('/') + path) { Content = new ByteArrayContent(bytes) };
            foreach (var name in context.Request.Headers.AllKeys.OfType<string>().Where(h => !HopHeaders.Contains(h)))
            {
                if (!forward.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]))
                {
                    forward.Content.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]);
                }
            }

            using var response = await _forward.SendAsync(forward).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                _failures.Enqueue($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }

            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.OutputStream).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            _failures.Enqueue($"{context.Request.Url?.AbsolutePath}: {ex.Message}");
            context.Response.StatusCode = (int)HttpStatusCode.BadGateway;
        }
        finally
        {
            context.Response.Close();
        }
    }

    private static byte[] Decoded(byte[] body, string? encoding)
    {
        if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
