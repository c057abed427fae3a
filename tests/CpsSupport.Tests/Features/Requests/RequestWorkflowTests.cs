using CpsSupport.Data;
using CpsSupport.Features.Requests;

namespace CpsSupport.Tests.Features.Requests;

public sealed class RequestWorkflowTests
{
    // B = Brouillon, S = Soumise, P = Pièces manquantes, V = Validée, E = En cours de traitement, T = Traitée, R = Rejetée.
    private static readonly string[] Matrix =
    [
        //    to: B S P V E T R
        /* B */ "  . x . . . . .",
        /* S */ "  . . x x . . x",
        /* P */ "  . x . . . . x",
        /* V */ "  . . . . x x x",
        /* E */ "  . . . . . x x",
        /* T */ "  . . . . . . .",
        /* R */ "  . . . . . . .",
    ];

    private static readonly RequestStatus[] Order =
    [
        RequestStatus.Draft, RequestStatus.Submitted, RequestStatus.MissingPieces, RequestStatus.Validated,
        RequestStatus.InProgress, RequestStatus.Completed, RequestStatus.Rejected,
    ];

    private static readonly SystemActor Agent = new("Camille Martin");
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<RequestStatus, RequestStatus, bool> AllPairs()
    {
        var data = new TheoryData<RequestStatus, RequestStatus, bool>();
        for (var from = 0; from < Order.Length; from++)
        {
            var cells = Matrix[from].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var to = 0; to < Order.Length; to++) data.Add(Order[from], Order[to], cells[to] == "x");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_transition_is_allowed_or_refused_in_french_as_the_request_workflow_says(RequestStatus from, RequestStatus to, bool allowed)
    {
        Assert.Equal(allowed, RequestWorkflow.CanTransition(from, to));
        if (allowed)
        {
            RequestWorkflow.EnsureTransition(from, to);
            return;
        }
        var error = Assert.Throws<RequestException>(() => RequestWorkflow.EnsureTransition(from, to));
        Assert.Contains(from switch
        {
            RequestStatus.Completed => "traitée",
            RequestStatus.Rejected => "rejetée",
            _ => RequestLabels.Status(to),
        }, error.Message);
    }

    [Fact]
    public void Every_status_of_the_enum_is_in_the_matrix_with_its_french_label()
    {
        Assert.Equal(Enum.GetValues<RequestStatus>().Order(), Order.Order());
        Assert.Equal(["Brouillon", "Soumise", "Pièces manquantes", "Validée", "En cours de traitement", "Traitée", "Rejetée"],
            Order.Select(RequestLabels.Status));
    }

    [Fact]
    public void Moving_to_the_status_it_already_has_does_nothing()
    {
        var request = New(RequestStatus.Submitted);

        Assert.True(RequestWorkflow.Move(request, RequestStatus.Validated, Now, Agent));
        Assert.False(RequestWorkflow.Move(request, RequestStatus.Validated, Now, Agent));

        var step = Assert.Single(request.Events);
        Assert.Equal((RequestStatus.Submitted, RequestStatus.Validated), (step.FromStatus!.Value, step.ToStatus!.Value));
        Assert.Equal("Camille Martin", step.Actor);
        Assert.Equal("Soumise → Validée", step.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Rejection_needs_a_reason(string? reason)
    {
        var request = New(RequestStatus.Submitted);

        var error = Assert.Throws<RequestException>(() => RequestWorkflow.Move(request, RequestStatus.Rejected, Now, Agent, reason: reason));

        Assert.Contains("motif", error.Message);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Empty(request.Events);
    }

    [Fact]
    public void Rejection_keeps_the_reason_and_closes_the_request()
    {
        var request = New(RequestStatus.Submitted);

        RequestWorkflow.Move(request, RequestStatus.Rejected, Now, Agent, reason: " Pièce d'identité illisible ");

        Assert.Equal("Pièce d'identité illisible", request.RejectionReason);
        Assert.Equal(Now, request.ClosedAt);
        Assert.Equal("Soumise → Rejetée : Pièce d'identité illisible", request.Events[0].Text);
    }

    [Fact]
    public void Missing_pieces_needs_the_list_of_pieces_and_starts_the_reminder_clock()
    {
        var request = New(RequestStatus.Submitted);
        Assert.Throws<RequestException>(() => RequestWorkflow.Move(request, RequestStatus.MissingPieces, Now, Agent, missingPieces: [" "]));

        RequestWorkflow.Move(request, RequestStatus.MissingPieces, Now, Agent, missingPieces: ["Copie de la pièce d'identité", "Copie de la pièce d'identité"]);

        Assert.Equal(["Copie de la pièce d'identité"], request.MissingPieces);
        Assert.Equal(Now, request.PiecesRequestedAt);

        RequestWorkflow.Move(request, RequestStatus.Submitted, Now.AddDays(2), Agent);
        Assert.Empty(request.MissingPieces);
    }

    [Theory]
    [InlineData("DEM-2026-000123", true)]
    [InlineData("DEM-2026-1234567", true)]
    [InlineData("CPS-2026-000123", false)]
    [InlineData("DEM-26-000123", false)]
    public void Request_numbers_look_like_DEM_year_and_six_digits(string number, bool valid)
    {
        Assert.Equal(valid, RequestNumber.IsValid(number));
        Assert.Equal("DEM-2026-000123", RequestNumber.Format(2026, 123));
        // New Year's Eve 23:30 UTC is already 2027 in Paris.
        Assert.Equal(2027, RequestNumber.YearOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    private static SupportRequest New(RequestStatus status) => new() { Number = "DEM-2026-000001", Status = status };
}
