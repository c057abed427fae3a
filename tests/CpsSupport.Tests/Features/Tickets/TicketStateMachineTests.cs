using CpsSupport.Features.Tickets;

namespace CpsSupport.Tests.Features.Tickets;

public sealed class TicketStateMachineTests
{
    // N = Nouveau, P = En cours, R = En attente du demandeur, F = En attente de production, S = Résolu, C = Clos.
    private static readonly string[] Matrix =
    [
        //    to: N P R F S C
        /* N */ "  . x x x x x",
        /* P */ "  . . x x x x",
        /* R */ "  . x . . x x",
        /* F */ "  . x . . x x",
        /* S */ "  . x . . . x",
        /* C */ "  . . . . . .",
    ];

    private static readonly TicketState[] Order =
    [
        TicketState.New, TicketState.InProgress, TicketState.WaitingForRequester,
        TicketState.WaitingForProduction, TicketState.Resolved, TicketState.Closed,
    ];

    public static TheoryData<TicketState, TicketState, bool> AllPairs()
    {
        var data = new TheoryData<TicketState, TicketState, bool>();
        for (var from = 0; from < Order.Length; from++)
        {
            var cells = Matrix[from].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var to = 0; to < Order.Length; to++) data.Add(Order[from], Order[to], cells[to] == "x");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_transition_is_allowed_or_refused_as_the_desk_workflow_says(TicketState from, TicketState to, bool allowed)
    {
        Assert.Equal(allowed, TicketStateMachine.CanTransition(from, to));
        if (allowed)
        {
            TicketStateMachine.EnsureTransition(from, to);
        }
        else
        {
            var error = Assert.Throws<TicketException>(() => TicketStateMachine.EnsureTransition(from, to));
            Assert.Contains(from == TicketState.Closed ? "clos" : TicketLabels.State(to), error.Message);
        }
    }

    [Fact]
    public void Every_state_of_the_enum_is_in_the_matrix() => Assert.Equal(Enum.GetValues<TicketState>().Order(), Order.Order());
}
