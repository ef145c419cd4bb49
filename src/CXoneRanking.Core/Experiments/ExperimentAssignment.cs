using System.Security.Cryptography;
using System.Text;

namespace CXoneRanking.Experiments;

/// <summary>
/// Which arm a session is in (docs/experiments.md#assignment): SHA-256 of the UTF-8 text
/// "experiment\nsession", its first 8 bytes read as a big-endian unsigned integer, modulo 10,000,
/// is the session's bucket; buckets below percent x 100 are Treatment. A pure function of the two
/// names, so a session keeps its arm in every run, process and machine, and because the experiment
/// name is hashed too, the arms of two experiments are independent of each other.
/// </summary>
public static class ExperimentAssignment
{
    public const int Buckets = 10_000;

    /// <summary>The session's bucket in the experiment, 0..9,999.</summary>
    public static int Bucket(string experiment, string sessionId)
    {
        if (experiment is null) throw new ArgumentNullException(nameof(experiment));
        if (sessionId is null) throw new ArgumentNullException(nameof(sessionId));
        byte[] digest;
        using (var sha = SHA256.Create())
            digest = sha.ComputeHash(Encoding.UTF8.GetBytes(experiment + "\n" + sessionId));
        ulong value = 0;
        for (var i = 0; i < 8; i++)
            value = (value << 8) | digest[i];
        return (int)(value % Buckets);
    }

    /// <summary><see cref="ExperimentArm.Treatment"/> for <paramref name="treatmentPercent"/> (1..99) of sessions, else Control.</summary>
    public static string ArmOf(string experiment, string sessionId, int treatmentPercent)
    {
        if (treatmentPercent is < 1 or > RankingExperiment.MaxTreatmentPercent)
            throw new ArgumentOutOfRangeException(nameof(treatmentPercent), treatmentPercent,
                $"The treatment share is 1..{RankingExperiment.MaxTreatmentPercent} percent.");
        return Bucket(experiment, sessionId) < treatmentPercent * 100 ? ExperimentArm.Treatment : ExperimentArm.Control;
    }
}
