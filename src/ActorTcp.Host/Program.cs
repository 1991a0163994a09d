// The host's commands are composed here; see the Cli folder.
return 0;
