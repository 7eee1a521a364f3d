"""One breach's workspace: header with the clock, the steps as plug-ins, the timeline."""
