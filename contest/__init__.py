"""The national contest of best-practice cases: regulations, phases, nominations, criteria and ranking."""
