namespace Vigil.ThreatModel.Findings;

public enum Stride
{
    Spoofing,
    Tampering,
    Repudiation,
    InformationDisclosure,
    DenialOfService,
    ElevationOfPrivilege,
}
