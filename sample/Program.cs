namespace SpecClient.Sample;

internal static class Program
{
    private static int Main() => 0;
}
