#requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 7: the module under load and faults loses nothing, applies nothing twice and keeps a
# truthful audit. Seeded chaos runs through the emulator (random 429, 500 and dropped
# connections; answers lost after the ranking was applied; random and real 409 locks; a token
# that lives 2 s), several processes and runspaces writing to one audit directory at once, and
# Ctrl+C in a busy run. Each run's figures are printed (Write-Host) and written to
# out/TestResults/reliability-figures.json; docs/reliability.md explains them.

BeforeAll {
    Import-Module $env:CXONERANKING_MODULE_PATH -Force
    Import-Module (Join-Path $env:CXONERANKING_REPO_ROOT 'out/emulator/CXoneEmulator.psm1') -Force

    $clientId = 'chaos-pester'
    $clientSecret = 'Chaos-Client-Secret-5d1e77'
    $secureSecret = ConvertTo-SecureString $clientSecret -AsPlainText -Force
    $Figures = [ordered]@{}

    function Start-ChaosEmulator([string[]] $Options) {
        Start-CXoneEmulator -ArgumentList (@('--client-id', $clientId, '--client-secret', $clientSecret) + $Options)
    }

    function Connect-Chaos($Emulator, [string] $Audit, [int] $MaxAttempts = 10, [uri] $BaseUri) {
        if (-not $BaseUri) { $BaseUri = $Emulator.Uri }
        Connect-CXone -BaseUri $BaseUri -TokenUri $Emulator.TokenUri -ClientId $clientId -ClientSecret $secureSecret `
            -AuditPath $Audit -MaxAttempts $MaxAttempts -PassThru
    }

    function Get-SessionName([string] $Prefix, [int] $Number) { '{0}-{1:D3}' -f $Prefix, $Number }

    # Sessions x snippets as CSV-like rows through New-SnippetRank, as a scheduled task would.
    function New-ChaosRank([string] $Prefix, [int] $Sessions, [int] $Snippets = 5, [string] $Snippet = 'KB', [int] $First = 1) {
        $rows = foreach ($s in $First..($First + $Sessions - 1)) {
            foreach ($k in 1..$Snippets) {
                [pscustomobject]@{ session_id = Get-SessionName $Prefix $s; snippet_id = "$Snippet-$k"; relevance_score = [string](1 - $k / 10) }
            }
        }
        $rows | New-SnippetRank
    }

    function Invoke-EmulatorControl($Emulator, [string] $Method = 'Get', [string] $Path, $Body) {
        $arguments = @{ Method = $Method; Uri = "$($Emulator.Uri)$($Path.TrimStart('/'))" }
        if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 5 -Compress); $arguments.ContentType = 'application/json' }
        Invoke-RestMethod @arguments
    }

    function Get-Journal($Emulator) { @((Invoke-EmulatorControl $Emulator -Path '_emulator/journal').entries) }

    function Get-RankingPost($Journal) { @($Journal | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/snippets/ranking' }) }

    # What the emulator holds per session: $null where nothing was ever applied (404).
    function Get-AppliedRanking($Emulator, [string[]] $SessionId) {
        $held = @{}
        foreach ($id in $SessionId) {
            $reply = Invoke-RestMethod -Uri "$($Emulator.Uri)_emulator/rankings/$([uri]::EscapeDataString($id))" -SkipHttpErrorCheck -StatusCodeVariable status
            $held[$id] = if ($status -eq 200) { $reply } else { $null }
        }
        $held
    }

    # The outcome entries: each sent session also has a ranking.sending (write-ahead) entry before its outcome.
    function Get-AuditEntry([string] $Directory) {
        @(Get-ChildItem -LiteralPath $Directory -Filter 'cxone-audit-*.jsonl' | Sort-Object Name |
            ForEach-Object { [IO.File]::ReadAllLines($_.FullName) } | Where-Object { $_ } | ConvertFrom-Json | Where-Object event -NE 'ranking.sending')
    }

    function Get-FaultCount($Posts) {
        $counts = [ordered]@{ '429' = 0; '500' = 0; '409' = 0; 'reset' = 0 }
        foreach ($group in $Posts | Where-Object outcome -EQ 'fault' | Group-Object detail) { $counts[$group.Name] = $group.Count }
        $counts
    }

    function Add-Figure([string] $Run, [System.Collections.IDictionary] $Values) {
        $Figures[$Run] = [pscustomobject]$Values
        Write-Host ("  {0}: {1}" -f $Run, (($Values.GetEnumerator() | ForEach-Object { "$($_.Key) $($_.Value)" }) -join ', ')) -ForegroundColor Cyan
    }

    function Wait-Until([scriptblock] $Condition, [int] $TimeoutSeconds = 30) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting for: $Condition" }
            Start-Sleep -Milliseconds 50
        }
    }

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
    Disconnect-CXone -ErrorAction SilentlyContinue
    Stop-CXoneEmulator
    if ($Figures.Count -gt 0) {
        Write-Host "`nReliability figures (docs/reliability.md):" -ForegroundColor Cyan
        foreach ($run in $Figures.Keys) {
            Write-Host ('  {0,-24} {1}' -f $run, (($Figures[$run].PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' ')) -ForegroundColor Cyan
        }
        $resultsDir = Join-Path $env:CXONERANKING_REPO_ROOT 'out/TestResults'
        $null = New-Item -ItemType Directory $resultsDir -Force
        $Figures | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath (Join-Path $resultsDir 'reliability-figures.json') -Encoding utf8
    }
}

Describe 'Chaos: 300 sessions x 5 snippets through random 429, 500 and dropped connections' {
    BeforeAll {
        $seed = 20261125
        $emulator = Start-ChaosEmulator '--fault-rate', '429=0.1,500=0.05,reset=0.05', '--seed', $seed, '--retry-after', '0'
        $audit = Join-Path $TestDrive 'audit-chaos'
        $connection = Connect-Chaos $emulator $audit
        $ranks = New-ChaosRank 'chaos' 300
        $expectedIds = 1..300 | ForEach-Object { Get-SessionName 'chaos' $_ }

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @($ranks | Submit-SnippetRanking -Connection $connection -ThrottleLimit 4 -ErrorVariable runErrors -ErrorAction SilentlyContinue)
        $clock.Stop()

        $posts = Get-RankingPost (Get-Journal $emulator)
        $held = Get-AppliedRanking $emulator $expectedIds
        $entries = Get-AuditEntry $audit
        $verification = Test-RankingAuditLog -Path $audit
        $faults = Get-FaultCount $posts
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-Figure 'faults (429/500/reset)' ([ordered]@{
                Sessions = $results.Count; Snippets = 5 * $results.Count; Seed = $seed; ThrottleLimit = 4
                Faults429 = $faults['429']; Faults500 = $faults['500']; FaultsReset = $faults['reset']
                Attempts = $attempts; Retries = $attempts - $results.Count
                Lost = @($expectedIds | Where-Object { -not $held[$_] }).Count
                Duplicated = @($expectedIds | Where-Object { $held[$_] -and $held[$_].applied_count -gt 1 }).Count
                Errors = $runErrors.Count; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'returns 300 Succeeded results and not one error' {
        $results.Count | Should -Be 300
        @($results | Where-Object Status -NE 'Succeeded') | Should -BeNullOrEmpty
        $runErrors | Should -BeNullOrEmpty
        ($results.SessionId | Sort-Object) | Should -Be $expectedIds
    }

    It 'met every kind of fault it was given, so the run proves something' {
        $faults['429'] | Should -BeGreaterThan 10
        $faults['500'] | Should -BeGreaterThan 5
        $faults['reset'] | Should -BeGreaterThan 5
    }

    It 'applied every session exactly once: one applied POST in the journal, applied_count 1' {
        $applied = @($posts | Where-Object outcome -EQ 'applied')
        $applied.Count | Should -Be 300
        ($applied.session_id | Sort-Object -Unique).Count | Should -Be 300
        @($posts | Where-Object outcome -EQ 'replayed') | Should -BeNullOrEmpty
        foreach ($id in $expectedIds) { $held[$id].applied_count | Should -Be 1 -Because "$id was sent once" }
    }

    It 'holds each session''s whole ranking, exactly as ranked' {
        foreach ($id in $expectedIds) {
            @($held[$id].payload.snippets.snippet_id) | Should -Be @('KB-1', 'KB-2', 'KB-3', 'KB-4', 'KB-5') -Because "$id must hold all five snippets in order"
        }
    }

    It 'sent one Idempotency-Key per session on every retry, the key its result reports' {
        $keyOf = @{}
        foreach ($result in $results) { $keyOf[$result.SessionId] = $result.IdempotencyKey }
        foreach ($group in $posts | Group-Object session_id) {
            $keys = @($group.Group.idempotency_key | Sort-Object -Unique)
            $keys.Count | Should -Be 1 -Because "every POST of $($group.Name) is one logical submission"
            $keys[0] | Should -Be $keyOf[$group.Name]
        }
    }

    It 'counts attempts truthfully: the results'' attempts are the POSTs the emulator saw, sessions plus faults' {
        $attempts | Should -Be $posts.Count
        $posts.Count | Should -Be (300 + $faults['429'] + $faults['500'] + $faults['reset'])
    }

    It 'audited 300 ranking.submitted entries, one per session, in a valid chain' {
        $entries.Count | Should -Be 300
        $entries.event | Sort-Object -Unique | Should -Be 'ranking.submitted'
        ($entries.session_id | Sort-Object -Unique).Count | Should -Be 300
        ($entries | Measure-Object attempts -Sum).Sum | Should -Be $attempts
        $verification.IsValid | Should -BeTrue -Because $verification.Reason
        $verification.Entries | Should -Be 600 -Because 'each session has a write-ahead entry and an outcome entry'
        $verification.OutcomeUnknown | Should -BeNullOrEmpty
        $verification.TornLines | Should -BeNullOrEmpty
        $metrics = Get-RankingMetrics -Path $audit
        $metrics.Succeeded, $metrics.Failed | Should -Be 300, 0
    }
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

        $posts = Get-RankingPost (Get-Journal $emulator)
        $held = Get-AppliedRanking $emulator $expectedIds
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-Figure 'lost answers' ([ordered]@{
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

Describe 'Chaos: random 409 locks, and sessions an agent holds' {
    BeforeAll {
        $seed = 409
        $emulator = Start-ChaosEmulator '--fault-rate', '409=0.1', '--seed', $seed, '--retry-after', '0'
        $audit = Join-Path $TestDrive 'audit-locks'
        $connection = Connect-Chaos $emulator $audit
        # Held briefly (released within the lock timeout) and held for good (past it).
        $briefly = 'held-1', 'held-2', 'held-3'
        foreach ($id in $briefly) { $null = Invoke-EmulatorControl $emulator -Method Post -Path "_emulator/sessions/$id/lock" -Body @{ seconds = 1.5 } }
        $null = Invoke-EmulatorControl $emulator -Method Post -Path '_emulator/sessions/held-for-good/lock' -Body @{ seconds = 120 }
        $ranks = @($briefly + 'held-for-good' | ForEach-Object { New-SnippetRank -SessionId $_ -SnippetId KB-1 -RelevanceScore 0.9 }) + @(New-ChaosRank 'lock' 150)
        $expectedIds = @($briefly) + @(1..150 | ForEach-Object { Get-SessionName 'lock' $_ })

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @($ranks | Submit-SnippetRanking -Connection $connection -ThrottleLimit 4 -LockTimeout 4 -ErrorVariable runErrors -ErrorAction SilentlyContinue)
        $clock.Stop()

        $journal = Get-Journal $emulator
        $posts = Get-RankingPost $journal
        $polls = @($journal | Where-Object { $_.method -eq 'GET' -and $_.outcome -eq 'status' })
        $held = Get-AppliedRanking $emulator ($expectedIds + 'held-for-good')
        $faults = Get-FaultCount $posts
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-Figure 'locks (409)' ([ordered]@{
                Sessions = $results.Count; Seed = $seed; Faults409 = $faults['409']
                LockedAnswers = @($posts | Where-Object outcome -EQ 'locked').Count; StatusPolls = $polls.Count
                Attempts = $attempts; Retries = $attempts - $results.Count
                Lost = @($expectedIds | Where-Object { -not $held[$_] }).Count
                Duplicated = @($expectedIds | Where-Object { $held[$_] -and $held[$_].applied_count -gt 1 }).Count
                Errors = $runErrors.Count; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }
    AfterAll {
        $null = Invoke-EmulatorControl $emulator -Method Post -Path '_emulator/sessions/held-for-good/lock' -Body @{ seconds = 0 }
        Stop-CXoneEmulator $emulator
    }

    It 'met random 409s and real locks' {
        $faults['409'] | Should -BeGreaterThan 5
        @($posts | Where-Object { $_.outcome -eq 'locked' -and $_.session_id -in $briefly }).Count | Should -BeGreaterOrEqual 3
    }

    It 'waited out every lock that ended within -LockTimeout: 153 Succeeded, each applied once' {
        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 153
        foreach ($id in $expectedIds) { $held[$id].applied_count | Should -Be 1 -Because "$id was waited for, then sent once" }
    }

    It 'polled the session status after every 409 rather than hammering the POST' {
        $conflicts = @($posts | Where-Object { $_.status -eq 409 })
        $polls.Count | Should -BeGreaterOrEqual $conflicts.Count
        # After each 409, the next request for that session is a status poll, never a POST.
        foreach ($group in $journal | Where-Object { $_.session_id } | Sort-Object sequence | Group-Object session_id) {
            $seq = @($group.Group)
            for ($i = 0; $i -lt $seq.Count - 1; $i++) {
                if ($seq[$i].status -eq 409) { $seq[$i + 1].method | Should -Be 'GET' -Because "$($group.Name) answered 409 at #$($seq[$i].sequence)" }
            }
        }
    }

    It 'gave up on the session held for good with one SessionLocked error, and applied nothing to it' {
        $stuck = @($results | Where-Object SessionId -EQ 'held-for-good')
        $stuck.Count | Should -Be 1
        $stuck[0].Status | Should -Be 'SessionLocked'
        @($runErrors).Count | Should -Be 1
        $runErrors[0].FullyQualifiedErrorId | Should -BeLike 'SessionLocked,*'
        $runErrors[0].TargetObject | Should -Be 'held-for-good'
        $held['held-for-good'] | Should -BeNullOrEmpty
    }

    It 'audited 153 submissions and 1 failure in a valid chain' {
        $entries = Get-AuditEntry $audit
        @($entries | Where-Object event -EQ 'ranking.submitted').Count | Should -Be 153
        $failed = @($entries | Where-Object event -EQ 'ranking.failed')
        $failed.Count | Should -Be 1
        $failed[0].session_id, $failed[0].status, $failed[0].http_status | Should -Be 'held-for-good', 'SessionLocked', 409
        (Test-RankingAuditLog -Path $audit).IsValid | Should -BeTrue
    }
}

Describe 'Chaos: a token that lives 2 s is renewed mid-run without a storm of 401s' {
    BeforeAll {
        $seed = 2
        # 60 ms per answer keeps the run a few seconds long: several token lifetimes.
        $emulator = Start-ChaosEmulator '--token-lifetime', '2', '--latency-ms', '60', '--fault-rate', '429=0.1', '--seed', $seed, '--retry-after', '0'
        $audit = Join-Path $TestDrive 'audit-token'
        $connection = Connect-Chaos $emulator $audit
        $expectedIds = 1..200 | ForEach-Object { Get-SessionName 'token' $_ }
        $ranks = New-ChaosRank 'token' 200
        $issuedBefore = @(Get-Journal $emulator | Where-Object outcome -EQ 'token_issued').Count

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @($ranks | Submit-SnippetRanking -Connection $connection -ThrottleLimit 4 -ErrorVariable runErrors -ErrorAction SilentlyContinue)
        $clock.Stop()

        $journal = Get-Journal $emulator
        $posts = Get-RankingPost $journal
        $issued = @($journal | Where-Object outcome -EQ 'token_issued').Count - $issuedBefore
        $unauthorized = @($posts | Where-Object status -EQ 401).Count
        $held = Get-AppliedRanking $emulator $expectedIds
        $attempts = [int]($results | Measure-Object Attempts -Sum).Sum
        Add-Figure 'token lifetime 2 s' ([ordered]@{
                Sessions = $results.Count; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
                TokensIssuedDuringRun = $issued; Unauthorized401 = $unauthorized; Faults429 = (Get-FaultCount $posts)['429']
                Attempts = $attempts; Retries = $attempts - $results.Count
                Lost = @($expectedIds | Where-Object { -not $held[$_] }).Count
                Duplicated = @($expectedIds | Where-Object { $held[$_] -and $held[$_].applied_count -gt 1 }).Count
                Errors = $runErrors.Count
            })
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'ran longer than two token lifetimes, so renewal had to happen' {
        $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 2.5
    }

    It 'returns 200 Succeeded results, each applied once' {
        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 200
        $runErrors | Should -BeNullOrEmpty
        foreach ($id in $expectedIds) { $held[$id].applied_count | Should -Be 1 }
    }

    It 'renewed the token at about half its life: about one request per second of run, not one per session' {
        $issued | Should -BeGreaterOrEqual 2
        $issued | Should -BeLessOrEqual ([math]::Ceiling($clock.Elapsed.TotalSeconds) + 1)
        $connection.TokenRequests | Should -Be ($issued + 1) -Because 'the connection counts the connect''s token too'
    }

    It 'renewed before the API refused the token: no storm of 401s' {
        # Renewal at half-life leaves a full second of margin; a loaded machine may still lose one.
        $unauthorized | Should -BeLessOrEqual 2
        @($posts | Where-Object detail -EQ 'token_expired').Count | Should -Be $unauthorized
    }
}

Describe 'Concurrency: several writers on one audit directory and one connection' {
    BeforeAll {
        $emulator = Start-ChaosEmulator '--fault-rate', '429=0.1,500=0.05', '--seed', '5', '--retry-after', '0'
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'loses and mis-chains nothing: 4 processes each submitting 20 sessions and appending 250 clicks, interleaved' {
        $dir = Join-Path $TestDrive 'audit-processes'
        $null = New-Item -ItemType Directory $dir
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $processes = foreach ($n in 1..4) {
            # Each child says it is ready, then waits for the others, so their appends really overlap.
            $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:CXONERANKING_MODULE_PATH'
`$secret = ConvertTo-SecureString '$clientSecret' -AsPlainText -Force
Connect-CXone -BaseUri '$($emulator.Uri)' -ClientId '$clientId' -ClientSecret `$secret -AuditPath '$dir' -MaxAttempts 10
New-Item -ItemType File '$dir/ready-$n' | Out-Null
while (-not (Test-Path '$dir/go')) { Start-Sleep -Milliseconds 10 }
foreach (`$round in 1..10) {
    `$results = 1, 2 | ForEach-Object { New-SnippetRank -SessionId ('p$n-r{0:D2}-s{1}' -f `$round, `$_) -SnippetId KB-1 -RelevanceScore 0.9 } |
        Submit-SnippetRanking -ThrottleLimit 2
    if (@(`$results | Where-Object Status -EQ 'Succeeded').Count -ne 2) { exit 3 }
    foreach (`$i in 1..25) { Add-SnippetClick -SessionId ('p$n-r{0:D2}-s1' -f `$round) -SnippetId ('KB-{0:D3}' -f ((`$round - 1) * 25 + `$i)) -RankPosition 1 }
}
"@
            $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
            Start-Process -FilePath 'dotnet' -ArgumentList $pwsh, '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded -PassThru `
                -RedirectStandardError (Join-Path $TestDrive "writer-$n.err") -RedirectStandardOutput (Join-Path $TestDrive "writer-$n.out")
        }
        try {
            Wait-Until { @(Get-ChildItem $dir -Filter 'ready-*').Count -eq 4 -or @($processes | Where-Object HasExited).Count -gt 0 } -TimeoutSeconds 120
            $null = New-Item -ItemType File (Join-Path $dir 'go')
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            foreach ($process in $processes) {
                $process.WaitForExit(180000) | Should -BeTrue
                $process.ExitCode | Should -Be 0 -Because (Get-Content (Join-Path $TestDrive "writer-$([array]::IndexOf($processes, $process) + 1).err") -Raw)
            }
            $clock.Stop()
        }
        finally { $processes | Where-Object { -not $_.HasExited } | ForEach-Object { $_.Kill() } }

        $verification = Test-RankingAuditLog -Path $dir
        $verification.IsValid | Should -BeTrue -Because $verification.Reason
        $verification.Entries | Should -Be (4 * (2 * 20 + 250)) -Because 'each session has a write-ahead entry and an outcome entry'
        $verification.TornLines | Should -BeNullOrEmpty
        $entries = Get-AuditEntry $dir
        foreach ($n in 1..4) {
            $mine = @($entries | Where-Object { $_.session_id -like "p$n-*" })
            @($mine | Where-Object event -EQ 'ranking.submitted').Count | Should -Be 20
            @($mine | Where-Object event -EQ 'click').snippet_id | Should -Be (1..250 | ForEach-Object { 'KB-{0:D3}' -f $_ }) -Because "process $n's clicks keep their order"
        }
        $switches = 0
        for ($i = 1; $i -lt $entries.Count; $i++) { if ($entries[$i].session_id.Substring(0, 2) -ne $entries[$i - 1].session_id.Substring(0, 2)) { $switches++ } }
        $switches | Should -BeGreaterThan 3 -Because 'the four writers really took turns'
        $sessions = @($entries | Where-Object event -EQ 'ranking.submitted').session_id
        $held = Get-AppliedRanking $emulator $sessions
        foreach ($id in $sessions) { $held[$id].applied_count | Should -Be 1 }
        Add-Figure 'processes' ([ordered]@{
                Processes = 4; Submissions = $sessions.Count; Clicks = 1000; AuditEntries = $verification.Entries
                Lost = (4 * 290) - $verification.Entries; ChainValid = $verification.IsValid; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }

    It 'shares one connection between 8 runspaces under faults: one token request, every session applied once' {
        $dir = Join-Path $TestDrive 'audit-runspaces'
        $issuedBefore = @(Get-Journal $emulator | Where-Object outcome -EQ 'token_issued').Count
        $connection = Connect-Chaos $emulator $dir
        $modulePath = $env:CXONERANKING_MODULE_PATH

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @(1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:modulePath
                $runspace = $_
                1..10 | ForEach-Object { New-SnippetRank -SessionId ('rs{0}-{1:D2}' -f $runspace, $_) -SnippetId KB-1 -RelevanceScore 0.5 } |
                    Submit-SnippetRanking -Connection $using:connection -ThrottleLimit 2
            })
        $clock.Stop()

        $results.Count | Should -Be 80
        @($results | Where-Object Status -NE 'Succeeded') | Should -BeNullOrEmpty
        $connection.TokenRequests | Should -Be 1
        @(Get-Journal $emulator | Where-Object outcome -EQ 'token_issued').Count | Should -Be ($issuedBefore + 1)
        $held = Get-AppliedRanking $emulator $results.SessionId
        foreach ($id in $results.SessionId) { $held[$id].applied_count | Should -Be 1 }
        $verification = Test-RankingAuditLog -Path $dir
        $verification.IsValid | Should -BeTrue
        $verification.Entries | Should -Be 160 -Because 'each session has a write-ahead entry and an outcome entry'
        Add-Figure 'runspaces' ([ordered]@{
                Runspaces = 8; Sessions = $results.Count; TokenRequests = $connection.TokenRequests
                Retries = [int]($results | Measure-Object Attempts -Sum).Sum - $results.Count
                Lost = @($results.SessionId | Where-Object { -not $held[$_] }).Count
                Duplicated = @($results.SessionId | Where-Object { $held[$_].applied_count -gt 1 }).Count
                Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            })
    }
}

Describe 'Ctrl+C in the middle of a busy run' {
    BeforeAll {
        # A 429 here parks a session for 30 s: only Ctrl+C ends the wait early.
        $emulator = Start-ChaosEmulator '--retry-after', '30'
        $audit = Join-Path $TestDrive 'audit-cancel'
        $connection = Connect-Chaos $emulator $audit -MaxAttempts 3
        $ids = 1..12 | ForEach-Object { Get-SessionName 'cc' $_ }
        $parked = $ids[0..3]   # a 30 s Retry-After each
        $locked = $ids[4]      # an agent holds it for a minute

        # The old ranking every session holds before the run.
        $old = @(New-ChaosRank 'cc' 12 -Snippets 3 -Snippet 'OLD' | Submit-SnippetRanking -Connection $connection)
        foreach ($id in $parked) { $null = Invoke-EmulatorControl $emulator -Method Post -Path '_emulator/faults' -Body @{ session_id = $id; responses = @(429) } }
        $null = Invoke-EmulatorControl $emulator -Method Post -Path "_emulator/sessions/$locked/lock" -Body @{ seconds = 60 }

        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($modulePath, $connection)
                Import-Module $modulePath
                $rows = foreach ($s in 1..12) { foreach ($k in 1..5) { [pscustomobject]@{ session_id = 'cc-{0:D3}' -f $s; snippet_id = "NEW-$k"; relevance_score = '0.5' } } }
                $rows | New-SnippetRank | Submit-SnippetRanking -Connection $connection -ThrottleLimit 6 -LockTimeout 120
            }).AddArgument($env:CXONERANKING_MODULE_PATH).AddArgument($connection)
        $pending = $ps.BeginInvoke()
        try {
            # Ready: the parked and the locked sessions are in their waits, the other seven are applied.
            Wait-Until {
                $posts = Get-RankingPost (Get-Journal $emulator)
                @($posts | Where-Object { $_.session_id -in $parked -and $_.status -eq 429 }).Count -eq 4 -and
                @($posts | Where-Object { $_.session_id -eq $locked -and $_.status -eq 409 }).Count -ge 1 -and
                @($posts | Where-Object { $_.outcome -eq 'applied' }).Count -ge 12 + 7
            }
            Start-Sleep -Milliseconds 500   # well inside the waits now
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $stopSeconds = $clock.Elapsed.TotalSeconds
            $state = $ps.InvocationStateInfo.State
            $completed = $pending.IsCompleted
        }
        finally {
            $ps.Dispose()
            $null = Invoke-EmulatorControl $emulator -Method Post -Path "_emulator/sessions/$locked/lock" -Body @{ seconds = 0 }
        }
        Start-Sleep -Milliseconds 500   # nothing left running may post later
        $postsAfter = Get-RankingPost (Get-Journal $emulator)
        $held = Get-AppliedRanking $emulator $ids
        $entries = @(Get-AuditEntry $audit | Select-Object -Skip 12)
        Add-Figure 'Ctrl+C' ([ordered]@{
                Sessions = 12; StopSeconds = [math]::Round($stopSeconds, 2)
                Cancelled = @($entries | Where-Object event -EQ 'ranking.cancelled').Count
                Submitted = @($entries | Where-Object event -EQ 'ranking.submitted').Count
                HalfApplied = @($ids | Where-Object { (@($held[$_].payload.snippets.snippet_id) -join ',') -notin 'OLD-1,OLD-2,OLD-3', 'NEW-1,NEW-2,NEW-3,NEW-4,NEW-5' }).Count
            })
    }
    AfterAll { Stop-CXoneEmulator $emulator }

    It 'returns within 2 s of Ctrl+C during a 30 s Retry-After and a held lock' {
        $old.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $stopSeconds | Should -BeLessThan 2
        $state | Should -Be 'Stopped'
        $completed | Should -BeTrue
    }

    It 'audits the interrupted sessions as ranking.cancelled and the finished ones as ranking.submitted, one entry each' {
        $entries.Count | Should -Be 12
        ($entries.session_id | Sort-Object) | Should -Be $ids
        foreach ($id in $parked + $locked) {
            $entry = $entries | Where-Object session_id -EQ $id
            $entry.event | Should -Be 'ranking.cancelled' -Because "$id was still waiting when stopped"
            $entry.status | Should -Be 'Cancelled'
        }
        ($entries | Where-Object session_id -In $parked).http_status | Sort-Object -Unique | Should -Be 429
        ($entries | Where-Object session_id -EQ $locked).http_status | Should -Be 409
        ($entries | Where-Object { $_.session_id -notin $parked -and $_.session_id -ne $locked }).event | Sort-Object -Unique | Should -Be 'ranking.submitted'
        (Test-RankingAuditLog -Path $audit).IsValid | Should -BeTrue
    }

    It 'half-applied nothing: every session holds exactly its old ranking or exactly its new one, as the audit says' {
        foreach ($id in $ids) {
            $snippets = @($held[$id].payload.snippets.snippet_id) -join ','
            $expected = if ($id -in $parked -or $id -eq $locked) { 'OLD-1,OLD-2,OLD-3' } else { 'NEW-1,NEW-2,NEW-3,NEW-4,NEW-5' }
            $snippets | Should -Be $expected -Because "$id must hold one whole ranking"
            $held[$id].applied_count | Should -Be $(if ($expected -like 'OLD*') { 1 } else { 2 })
        }
        # Each parked session: its old ranking applied, then the one 429; nothing after the stop.
        @($postsAfter | Where-Object { $_.session_id -in $parked -and $_.outcome -ne 'applied' }).Count | Should -Be 4 -Because 'no parked session may post after the stop'
    }
}
