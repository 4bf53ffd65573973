// What the Miro fault tests drive: the contract harness, bundled under its own
// name so it never races the other test files' bundle (node --test runs files in parallel).
export * from './miro-harness.js';
