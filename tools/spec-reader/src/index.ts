export { type ExportCase, exportCases } from './export-cases.ts';
export { type ExportOperation, readExportOperations } from './export-operations.ts';
export { EXPORT_FORMATS, type ExportFormat, formatOfMediaType, isExportFormat, MEDIA_TYPES } from './formats.ts';
export { isJsonObject, type JsonObject, type OpenApiDocument, resolveRef } from './refs.ts';
