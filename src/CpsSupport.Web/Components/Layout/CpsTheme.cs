using MudBlazor;

namespace CpsSupport.Web.Components.Layout;

/// <summary>A calm blue, low-contrast-fatigue theme for agents who keep the back office open all day.</summary>
public static class CpsTheme
{
    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            PrimaryContrastText = "#ffffff",
            Secondary = "#4a6f8f",
            Tertiary = "#2b8a8a",
            Info = "#2f7bbf",
            Success = "#2e7d4f",
            Warning = "#b26a00",
            Error = "#b3261e",
            AppbarBackground = "#17487f",
            AppbarText = "#ffffff",
            Background = "#f4f6f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#27364a",
            DrawerIcon = "#4a6f8f",
            TextPrimary = "#1d2a3a",
            TextSecondary = "#52606f",
            LinesDefault = "#dde3ea",
            TableLines = "#e4e9ef",
            TableHover = "#eef3f9",
            TableStriped = "#f8fafc",
            Divider = "#dde3ea",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Helvetica", "Arial", "sans-serif"], FontSize = ".9rem", LineHeight = "1.5" },
            H4 = new H4Typography { FontSize = "1.6rem", FontWeight = "500", LineHeight = "1.3" },
            H5 = new H5Typography { FontSize = "1.3rem", FontWeight = "500", LineHeight = "1.3" },
            H6 = new H6Typography { FontSize = "1.05rem", FontWeight = "500", LineHeight = "1.4" },
            Button = new ButtonTypography { FontWeight = "500", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            DrawerWidthLeft = "248px",
        },
    };
}
