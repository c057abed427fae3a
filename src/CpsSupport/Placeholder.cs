namespace CpsSupport; internal static class Placeholder { }
