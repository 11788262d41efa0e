// Nothing to do: the bench's harness waits for an extension's background to start.
