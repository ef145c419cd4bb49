#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Answers lost after the ranking was applied (a lossy proxy resets the connection): the case
# idempotency keys exist for.
# One of the Chaos.*.Tests.ps1 files (issue 7: under load and faults the module loses nothing,
# applies nothing twice and keeps a truthful audit). Each run's figures are printed and merged into
# out/TestResults/reliability-figures.json; docs/reliability.md explains them. The helpers
# (Start-ChaosEmulator, Connect-Chaos, New-ChaosRank, Add-ReliabilityFigure ...) are in TestSupport.psm1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest

    # A loopback proxy that loses a seeded fraction of the emulator's 200 answers to ranking POSTs
    # (the connection is reset after the ranking was applied): the case idempotency keys exist for.
    if (-not ('CXoneChaos.LossyProxy' -as [type])) {
        Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CXoneChaos
{
    public sealed class LossyProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly HttpClient _upstream = new HttpClient();
        private readonly Uri _target;
        private readonly double _rate;
        private readonly Random _random;
        private readonly object _gate = new object();
        private int _lost, _forwarded;

        public LossyProxy(Uri target, double rate, int seed)
        {
            _target = target;
            _rate = rate;
            _random = new Random(seed);
            _listener.Start();
            Uri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
            Task.Run(AcceptLoop);
        }

        public Uri Uri { get; private set; }
        public int Lost { get { return Volatile.Read(ref _lost); } }
        public int Forwarded { get { return Volatile.Read(ref _forwarded); } }

        private async Task AcceptLoop()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                var _ = Task.Run(() => Serve(client));
            }
        }

        // One HTTP/1.1 request per connection: read it whole, forward it, answer or reset.
        private async Task Serve(TcpClient client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new MemoryStream();
                var chunk = new byte[16384];
                int headerEnd = -1, contentLength = 0;
                while (headerEnd < 0 || buffer.Length < headerEnd + 4 + contentLength)
                {
                    var n = await stream.ReadAsync(chunk, 0, chunk.Length);
                    if (n == 0) return;
                    buffer.Write(chunk, 0, n);
                    if (headerEnd >= 0) continue;
                    var text = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                    headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    if (headerEnd < 0) continue;
                    foreach (var line in text.Substring(0, headerEnd).Split(new[] { "\r\n" }, StringSplitOptions.None))
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                            contentLength = int.Parse(line.Substring(15).Trim());
                }
                var raw = buffer.ToArray();
                var lines = Encoding.ASCII.GetString(raw, 0, headerEnd).Split(new[] { "\r\n" }, StringSplitOptions.None);
                var target = lines[0].Split(' ');
                var request = new HttpRequestMessage(new HttpMethod(target[0]), new Uri(_target, target[1]));
                string contentType = null;
                for (var i = 1; i < lines.Length; i++)
                {
                    var colon = lines[i].IndexOf(':');
                    var name = lines[i].Substring(0, colon).Trim();
                    var value = lines[i].Substring(colon + 1).Trim();
                    if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
                    else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                        && !name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                        request.Headers.TryAddWithoutValidation(name, value);
                }
                if (contentLength > 0)
                {
                    var body = new byte[contentLength];
                    Array.Copy(raw, headerEnd + 4, body, 0, contentLength);
                    request.Content = new ByteArrayContent(body);
                    if (contentType != null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
                using (var answer = await _upstream.SendAsync(request))
                {
                    var answerBody = await answer.Content.ReadAsByteArrayAsync();
                    Interlocked.Increment(ref _forwarded);
                    bool drop;
                    lock (_gate) drop = request.Method == HttpMethod.Post && answer.StatusCode == HttpStatusCode.OK && _random.NextDouble() < _rate;
                    if (drop)
                    {
                        Interlocked.Increment(ref _lost);
                        client.Client.LingerState = new LingerOption(true, 0); // a reset: the answer never arrives
                        client.Close();
                        return;
                    }
                    var head = new StringBuilder();
                    head.Append("HTTP/1.1 ").Append((int)answer.StatusCode).Append(' ').Append(answer.ReasonPhrase).Append("\r\n");
                    foreach (var header in answer.Headers)
                        head.Append(header.Key).Append(": ").Append(string.Join(",", header.Value)).Append("\r\n");
                    head.Append("Content-Type: application/json\r\nContent-Length: ").Append(answerBody.Length).Append("\r\nConnection: close\r\n\r\n");
                    var headBytes = Encoding.ASCII.GetBytes(head.ToString());
                    await stream.WriteAsync(headBytes, 0, headBytes.Length);
                    await stream.WriteAsync(answerBody, 0, answerBody.Length);
                    await stream.FlushAsync();
                }
            }
            catch (Exception) { }
            finally { client.Dispose(); }
        }

        public void Dispose()
        {
            _listener.Stop();
            _upstream.Dispose();
        }
    }
}
'@
    }
}

AfterAll {
    Stop-ChaosRun
}

Describe 'Chaos: answers lost after the ranking was applied' {
    BeforeAll {
        $emulator = Start-ChaosEmulator '--retry-after', '0'
        $proxy = [CXoneChaos.LossyProxy]::new($emulator.Uri, 0.15, 20261125)
        $audit = Join-Path $TestDrive 'audit-lost'
        $connection = Connect-Chaos $emulator $audit -BaseUri $proxy.Uri
        $expectedIds = 1..100 | ForEach-Object { Get-SessionName 'lost' $_ }

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @(New-ChaosRank 'lost' 100 | Submit-SnippetRanking -Connection $connection -ThrottleLimit 4 -ErrorVariable runErrors -ErrorAction SilentlyContinue)
        $clock.Stop()

        $posts = Get-RankingPost $emulator
        $held = Get-AppliedRankingBySession $emulator $expectedIds
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-ReliabilityFigure 'lost answers' ([ordered]@{
                Sessions = $results.Count; AnswersLost = $proxy.Lost
                Replayed = @($posts | Where-Object outcome -EQ 'replayed').Count
                Attempts = $attempts; Retries = $attempts - $results.Count
                Lost = @($expectedIds | Where-Object { -not $held[$_] }).Count
                Duplicated = @($expectedIds | Where-Object { $held[$_] -and $held[$_].applied_count -gt 1 }).Count
                Errors = $runErrors.Count; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }
    AfterAll {
        if ($proxy) { $proxy.Dispose() }
        Stop-CXoneEmulator $emulator
    }

    It 'lost answers on the way back, so the retries had something to prove' {
        $proxy.Lost | Should -BeGreaterThan 5
    }

    It 'returns 100 Succeeded results and not one error' {
        $results.Count | Should -Be 100
        @($results | Where-Object Status -NE 'Succeeded') | Should -BeNullOrEmpty
        $runErrors | Should -BeNullOrEmpty
    }

    It 'applied each session once: every lost answer was retried with its key and replayed, never applied again' {
        @($posts | Where-Object outcome -EQ 'applied').Count | Should -Be 100
        @($posts | Where-Object outcome -EQ 'replayed').Count | Should -Be $proxy.Lost
        foreach ($id in $expectedIds) { $held[$id].applied_count | Should -Be 1 -Because "$id must not be applied twice" }
        foreach ($group in $posts | Group-Object session_id) { @($group.Group.idempotency_key | Sort-Object -Unique).Count | Should -Be 1 }
        $attempts | Should -Be (100 + $proxy.Lost)
    }

    It 'audited 100 ranking.submitted entries in a valid chain' {
        $verification = Test-RankingAuditLog -Path $audit
        $verification.IsValid | Should -BeTrue -Because $verification.Reason
        $verification.Entries | Should -Be 200 -Because 'each session has a write-ahead entry and an outcome entry'
        (Get-AuditEntry $audit).event | Sort-Object -Unique | Should -Be 'ranking.submitted'
    }
}
