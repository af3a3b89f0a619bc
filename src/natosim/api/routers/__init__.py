"""One router per resource. Each route parses its input, calls the library and returns its result."""
