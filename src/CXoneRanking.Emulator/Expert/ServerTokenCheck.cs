namespace CXoneRanking.Emulator.Expert;

/// <summary>How a request's X-Deki-Token fared; the words are the journal's token_status values.</summary>
internal enum ServerTokenStatus
{
    Valid,
    Missing,
    Malformed,
    UnknownKey,
    Expired,
    BadSignature,
    UnknownUser,
}

/// <summary>
/// The verdict on one server token: who the request runs as, and what the journal may record of the
/// token (its epoch and user part). The key's secret and the token's hash are deliberately absent.
/// </summary>
internal sealed record ServerTokenCheck(ServerTokenStatus Status, ExpertUser User, long? Epoch, string? TokenUser)
{
    public bool IsValid => Status == ServerTokenStatus.Valid;

    public string StatusName => Status switch
    {
        ServerTokenStatus.Valid => "valid",
        ServerTokenStatus.Missing => "missing",
        ServerTokenStatus.Malformed => "malformed",
        ServerTokenStatus.UnknownKey => "unknown_key",
        ServerTokenStatus.Expired => "expired",
        ServerTokenStatus.BadSignature => "bad_signature",
        _ => "unknown_user",
    };
}
