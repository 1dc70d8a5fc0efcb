namespace Vigil.ThreatModel.Model;

public enum ElementKind
{
    Actor,
    Service,
    DataStore,
    Queue,
    ExternalService,
    ClientApp,
    Device,
}
