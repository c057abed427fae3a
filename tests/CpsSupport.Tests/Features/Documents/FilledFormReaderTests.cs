using CpsSupport.Features.Calendar;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Builders;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.Requests;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>Filled PDF forms read back into a pre-filled request, each value checked; a PDF without fields is attached as is.</summary>
public sealed class FilledFormReaderTests
{
    private readonly FilledFormReader _reader = new(new MutableClock(Paris.At(2026, 11, 24, 10)));

    [Fact]
    public async Task A_filled_F501_round_trips_into_a_request_and_its_form()
    {
        var pdf = new AcroFormPdf { Title = "Déclaration d'incident" }
            .Text("formulaire", "F501")
            .Text("declarantCapacity", "holder")
            .Text("holder.lastName", "Martin")
            .Text("holder.firstName", "Jean-Pierre")
            .Text("holder.birthDate", "14/03/1975")
            .Text("holder.nationalId", "8 9970 0026 547")
            .Text("holder.email", "jp.martin@tilleuls.example")
            .Text("holder.phone", "06 12 34 56 78")
            .Text("cardSerial", "2501234567")
            .Checkbox("kind.theft", true)
            .Text("incidentOn", "20/11/2026")
            .Text("incidentPlace", "Gare de Lyon, Paris")
            .Text("circumstances", "Sacoche volée dans le RER A.")
            .Checkbox("complaintFiled", true)
            .Checkbox("replacementRequested", false)
            .Text("signedAt", "Paris")
            .Text("signedOn", "21/11/2026")
            .ToBytes();

        var reading = await _reader.ReadAsync(pdf);

        Assert.Equal(FilledFormStatus.Read, reading.Status);
        Assert.Equal(FormCode.F501, reading.Form);
        Assert.Equal("Formulaire F501 reconnu par le champ « formulaire » : 15 champ(s) repris.", reading.Message);
        Assert.False(reading.HasErrors, string.Join("; ", reading.Fields.Select(f => f.Error)));
        Assert.Equal("899700026547", reading.ValueOf("holder.nationalId"));
        Assert.Equal("1975-03-14", reading.ValueOf("holder.birthDate"));
        Assert.Equal("0612345678", reading.ValueOf("holder.phone"));
        Assert.Equal("theft", reading.ValueOf("kind"));
        Assert.Equal("Nom", reading.Fields.Single(f => f.Key == "holder.lastName").Label);

        // The proposed details are what a request carries: the F501 builder prints the form from them.
        var request = new SupportRequest { Number = "REQ-2026-000099", Form = reading.Form!.Value, Details = reading.ToDetailsJson() };
        var source = new DocumentSource(request, null, null, null, [], RequestDetails.Parse(request.Details), new DateOnly(2026, 11, 24), "Lucie Moreau", BusinessCalendar.Default);
        var form = IncidentDeclarationFormBuilder.Build(source);

        Assert.Equal(DeclarantCapacity.Holder, form.DeclarantCapacity);
        Assert.Equal(("MARTIN", "Jean-Pierre", new DateOnly(1975, 3, 14), "899700026547"),
            (form.Holder.LastName.ToUpperInvariant(), form.Holder.FirstName, form.Holder.BirthDate, form.Holder.NationalId));
        Assert.Equal((IncidentKind.Theft, new DateOnly(2026, 11, 20), "Gare de Lyon, Paris", "Sacoche volée dans le RER A."),
            (form.Kind!.Value, form.IncidentOn!.Value, form.IncidentPlace, form.Circumstances));
        Assert.True(form.ComplaintFiled);
        Assert.Equal("2501234567", form.Card.SerialNumber);
        Assert.Equal(new DocumentSignature("Paris", new DateOnly(2026, 11, 21), "Jean-Pierre Martin"), form.Signature);
    }

    [Fact]
    public async Task Usual_French_field_names_are_recognised_and_wrong_values_get_French_messages()
    {
        var pdf = new AcroFormPdf { Title = "F502 - Désignation de mandataires" }
            .Text("Nom", "Lefèvre")
            .Text("Prénom", "Amélie")
            .Text("Date de naissance", "31/02/1980")
            .Text("N° RPPS", "99700026548")
            .Text("SIRET", "732 829 320 00075")
            .Text("FINESS", "750712184")
            .Text("Courriel", "amelie.lefevre@")
            .Text("Date incident", "01/01/2027")
            .ToBytes();

        var reading = await _reader.ReadAsync(pdf);

        Assert.Equal(FormCode.F502, reading.Form);
        Assert.StartsWith("Formulaire F502 reconnu par le titre du document", reading.Message);
        Assert.EndsWith("à vérifier.", reading.Message);
        Assert.Equal("Lefèvre", reading.ValueOf("holder.lastName"));
        Assert.Equal("Amélie", reading.ValueOf("holder.firstName"));
        Assert.Equal("750712184", reading.ValueOf("structure.finess"));
        Assert.Null(reading.Fields.Single(f => f.Key == "structure.finess").Error);
        var errors = reading.Fields.Where(f => !f.IsValid).ToDictionary(f => f.Key!, f => f.Error);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["holder.birthDate"] = "Date de naissance : « 31/02/1980 » n'est pas une date valide (attendu : jj/mm/aaaa).",
            ["holder.rpps"] = "Le numéro RPPS 99700026548 a une clé de contrôle invalide",
            ["structure.siret"] = "Le numéro SIRET 73282932000075 a une clé de contrôle invalide",
            ["holder.email"] = "Courriel : « amelie.lefevre@ » n'est pas une adresse de courriel valide.",
            ["incidentOn"] = "Date de l'incident : le 01/01/2027 est dans le futur.",
        }, errors);
        // Wrong values are still proposed, as typed, for the agent to correct.
        Assert.Contains("\"birthDate\":\"31/02/1980\"", reading.ToDetailsJson());
    }

    [Fact]
    public async Task A_pin_typed_into_a_form_is_never_read()
    {
        var pdf = new AcroFormPdf().Text("formulaire", "F501").Text("nom", "Martin").Text("code_porteur", "4821").Text("card.pin", "4821").ToBytes();

        var reading = await _reader.ReadAsync(pdf);

        Assert.Equal(["holder.lastName"], reading.Fields.Select(f => f.Key));
        Assert.DoesNotContain("4821", reading.ToDetailsJson());
        Assert.Equal(2, reading.Warnings.Count);
        Assert.StartsWith("Le champ « code_porteur » a été ignoré", reading.Warnings[0]);
    }

    [Fact]
    public async Task A_pdf_without_fields_is_attached_as_is()
    {
        var reading = await _reader.ReadAsync(new AcroFormPdf { PageText = "F504 - Changement d'adresse" }.ToBytes());

        Assert.Equal(FilledFormStatus.AttachedAsIs, reading.Status);
        Assert.Equal(FormCode.F504, reading.Form);
        Assert.Equal("Ce PDF ne contient pas de champs de formulaire (formulaire F504 reconnu par le texte de la première page) : il est joint tel quel à la demande.", reading.Message);
        Assert.Empty(reading.Fields);
    }

    [Fact]
    public async Task A_generated_document_has_no_fields_and_a_broken_file_is_attached_as_is()
    {
        var notPdf = await _reader.ReadAsync("%PDF-1.7 but nothing else"u8.ToArray());

        Assert.Equal(FilledFormStatus.AttachedAsIs, notPdf.Status);
        Assert.Equal("Ce fichier n'a pas pu être lu comme un PDF : il est joint tel quel.", notPdf.Message);
    }
}
