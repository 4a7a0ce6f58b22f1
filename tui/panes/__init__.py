"""The four panes (sources, entities, numbers, conflicts) and their helpers."""
