/** The CLI's view of errors: the shared UserError and exit codes (defined in src/errors.ts so every layer can raise them). */
export { EXIT_GATE, EXIT_OK, EXIT_USAGE, UserError } from '../errors.ts';
