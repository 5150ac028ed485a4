/** The checks of the string formats the body schemas use (`date`, `uri`, `int64`), which the generated validators call. */
export { fullFormats as bodyFormats } from 'ajv-formats/dist/formats.js';
