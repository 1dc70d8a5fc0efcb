using System.Diagnostics;

namespace Vigil.Bench;

/// <summary>What else the machine and the host's process were doing: load average, CPU time, GC (in process only).</summary>
internal sealed record MachineState(string LoadAverage, TimeSpan ProcessorTime, int Gen0, int Gen1, int Gen2, TimeSpan GcPause)
{
    public static MachineState Of(Process host)
    {
        host.Refresh();
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        return new MachineState(load, host.TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    }
}
