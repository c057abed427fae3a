using System.Collections.Frozen;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CpsSupport.Web.Components;

/// <summary>
/// French for the words MudBlazor writes itself (grid pager and sort buttons, clear buttons, menus, close buttons),
/// which are mostly accessible labels read out by screen readers. A key missing here falls back to MudBlazor's English.
/// </summary>
public sealed class FrenchMudLocalizer : MudLocalizer
{
    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["MudDataGrid_Apply"] = "Appliquer",
        ["MudDataGrid_Clear"] = "Effacer",
        ["MudDataGrid_AddFilter"] = "Ajouter un filtre",
        ["MudDataGrid_Cancel"] = "Annuler",
        ["MudDataGrid_Loading"] = "Chargement…",
        ["MudDataGrid_Save"] = "Enregistrer",
        ["MudDataGrid_HideAll"] = "Tout masquer",
        ["MudDataGrid_ShowAll"] = "Tout afficher",
        ["MudDataGrid_Columns"] = "Colonnes",
        ["MudDataGrid_ExpandAllGroups"] = "Déplier tous les groupes",
        ["MudDataGrid_CollapseAllGroups"] = "Replier tous les groupes",
        ["MudDataGrid_RefreshData"] = "Actualiser",
        ["MudDataGrid_True"] = "vrai",
        ["MudDataGrid_False"] = "faux",
        ["MudDataGrid_Unsort"] = "Annuler le tri",
        ["MudDataGrid_Filter"] = "Filtrer",
        ["MudDataGrid_Hide"] = "Masquer",
        ["MudDataGrid_Ungroup"] = "Dégrouper",
        ["MudDataGrid_Group"] = "Grouper",
        ["MudDataGrid_CollapseGroup"] = "Replier le groupe",
        ["MudDataGrid_ExpandGroup"] = "Déplier le groupe",
        ["MudDataGrid_FilterValue"] = "Valeur du filtre",
        ["MudDataGrid_Contains"] = "contient",
        ["MudDataGrid_NotContains"] = "ne contient pas",
        ["MudDataGrid_Equals"] = "est égal à",
        ["MudDataGrid_NotEquals"] = "est différent de",
        ["MudDataGrid_StartsWith"] = "commence par",
        ["MudDataGrid_EndsWith"] = "se termine par",
        ["MudDataGrid_IsEmpty"] = "est vide",
        ["MudDataGrid_IsNotEmpty"] = "n’est pas vide",
        ["MudDataGrid_Is"] = "est",
        ["MudDataGrid_IsNot"] = "n’est pas",
        ["MudDataGrid_IsAnyOf"] = "est l’un de",
        ["MudDataGrid_IsAfter"] = "est après le",
        ["MudDataGrid_IsOnOrAfter"] = "est le ou après le",
        ["MudDataGrid_IsBefore"] = "est avant le",
        ["MudDataGrid_IsOnOrBefore"] = "est le ou avant le",
        ["MudDataGrid_Column"] = "Colonne",
        ["MudDataGrid_Operator"] = "Opérateur",
        ["MudDataGrid_Value"] = "Valeur",
        ["MudDataGrid_MoveDown"] = "Descendre",
        ["MudDataGrid_MoveUp"] = "Monter",
        ["MudDataGrid_Sort"] = "Trier",
        ["MudDataGrid_ClearFilter"] = "Effacer le filtre",
        ["MudDataGrid_OpenFilters"] = "Ouvrir les filtres",
        ["MudDataGrid_ToggleGroupExpansion"] = "Déplier ou replier le groupe",
        ["MudDataGrid_RemoveFilter"] = "Retirer le filtre",
        ["MudDataGrid_SelectRow"] = "Sélectionner la ligne",
        ["MudDataGrid_SelectAllRows"] = "Sélectionner toutes les lignes",
        ["MudDataGrid_ShowColumnOptions"] = "Options de la colonne",
        ["MudDataGrid_ReorderColumn"] = "Déplacer la colonne",
        ["MudDataGridPager_RowsPerPage"] = "Lignes par page :",
        ["MudDataGridPager_AllItems"] = "Toutes",
        ["MudDataGridPager_InfoFormat"] = "{0}–{1} sur {2}",
        ["MudDataGridPager_FirstPage"] = "Première page",
        ["MudDataGridPager_PreviousPage"] = "Page précédente",
        ["MudDataGridPager_NextPage"] = "Page suivante",
        ["MudDataGridPager_LastPage"] = "Dernière page",
        ["MudTablePager_FirstPage"] = "Première page",
        ["MudTablePager_PreviousPage"] = "Page précédente",
        ["MudTablePager_NextPage"] = "Page suivante",
        ["MudTablePager_LastPage"] = "Dernière page",
        ["MudTable_Loading"] = "Chargement…",
        ["MudPagination_CurrentPage"] = "Page actuelle {0}",
        ["MudPagination_FirstPage"] = "Première page",
        ["MudPagination_LastPage"] = "Dernière page",
        ["MudPagination_NextPage"] = "Page suivante",
        ["MudPagination_PreviousPage"] = "Page précédente",
        ["MudPagination_PageIndex"] = "Page {0}",
        ["MudNavGroup_ToggleExpand"] = "Déplier ou replier {0}",
        ["MudAlert_Close"] = "Fermer l’alerte",
        ["MudChip_Close"] = "Retirer",
        ["MudDialog_Close"] = "Fermer la fenêtre",
        ["MudSnackbar_Close"] = "Fermer le message",
        ["MudInput_Clear"] = "Effacer",
        ["MudInput_Increment"] = "Augmenter",
        ["MudInput_Decrement"] = "Diminuer",
        ["MudSelect_SelectAll"] = "Tout sélectionner",
        ["MudFormComponent_Required"] = "Obligatoire",
        ["MudBreadcrumbs_Label"] = "Fil d’Ariane",
        ["MudBaseDatePicker_PrevYear"] = "Année précédente {0}",
        ["MudBaseDatePicker_NextYear"] = "Année suivante {0}",
        ["MudBaseDatePicker_PrevMonth"] = "Mois précédent {0}",
        ["MudBaseDatePicker_NextMonth"] = "Mois suivant {0}",
        ["MudBaseDatePicker_Open"] = "Ouvrir le calendrier",
        ["MudTimePicker_Open"] = "Choisir l’heure",
        ["MudFileUpload_Button"] = "Choisir un fichier",
        ["MudFileUpload_DragAndDrop"] = "Déposez les fichiers ici",
        ["Converter_InvalidNumber"] = "Nombre non valide",
        ["Converter_InvalidDateTime"] = "Date non valide",
        ["Converter_InvalidTimeSpan"] = "Durée non valide",
        ["Converter_InvalidBoolean"] = "Valeur non valide",
        ["Converter_InvalidGUID"] = "Identifiant non valide",
    }.ToFrozenDictionary();

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, string.Format(Labels.French, text, arguments))
            : new LocalizedString(key, key, resourceNotFound: true);
}
