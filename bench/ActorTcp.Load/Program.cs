// The scenarios are composed here; see the Scenarios folder.
return 0;
