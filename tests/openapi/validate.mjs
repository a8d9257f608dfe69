// Validates an OpenAPI document (path in argv) with @apidevtools/swagger-parser: structure and schema of 3.0/3.1.
import SwaggerParser from "@apidevtools/swagger-parser";
const file = process.argv[2];
try {
  const api = await SwaggerParser.validate(file);
  console.log(`valid: ${api.info.title} ${api.openapi}, ${Object.keys(api.paths).length} paths`);
} catch (e) {
  console.error(`invalid: ${e.message}`);
  process.exit(1);
}
