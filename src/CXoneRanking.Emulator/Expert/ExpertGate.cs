using System.Globalization;

namespace CXoneRanking.Emulator.Expert;

/// <summary>
/// The start of every Expert request: note the route for the journal, answer a scripted fault if
/// one is due (before anything else, as for the ranking API), then read the server token. A missing
/// or failing token is no error: the request simply runs as Anonymous, as on a real Expert site.
/// </summary>
internal sealed class ExpertGate(ExpertState expert, int retryAfterSeconds)
{
    /// <summary>The user the request runs as, or null when a fault already answered it.</summary>
    public async Task<ExpertUser?> AdmitAsync(HttpContext context, string route)
    {
        var note = context.JournalNote();
        note.Expert = new ExpertTrace(route, null, null, null, null);
        if ((expert.Faults.NextFor(route) ?? expert.Faults.NextFor(ExpertRoutes.Any)) is { } fault)
        {
            await WriteFaultAsync(context, fault);
            return null;
        }

        var check = expert.Tokens.Check(context);
        note.Expert = new ExpertTrace(route, check.User.Name, check.StatusName, check.Epoch, check.TokenUser);
        return check.User;
    }

    private Task WriteFaultAsync(HttpContext context, Fault fault)
    {
        var note = context.JournalNote();
        note.Record(JournalOutcome.Fault, fault.ToString());
        if (fault.IsReset)
        {
            note.Aborted = true;
            note.Complete();
            context.Abort();
            return Task.CompletedTask;
        }

        var status = fault.Status!.Value;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return DreamReply.WriteErrorAsync(context, status, "injected fault");
    }
}
