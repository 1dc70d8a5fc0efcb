namespace Vigil.Ingestion.Sources;

/// <summary>Reads one input, turning the ways it can fail into a reason for the user instead of an exception.</summary>
internal static class InputErrors
{
    public static void Capture(string path, List<InputError> errors, Action read)
    {
        try
        {
            read();
        }
        catch (InputException e)
        {
            errors.Add(new InputError(path, e.Message));
        }
        catch (IOException e)
        {
            errors.Add(new InputError(path, $"cannot read: {e.Message}"));
        }
        catch (UnauthorizedAccessException)
        {
            errors.Add(new InputError(path, "permission denied"));
        }
    }
}
