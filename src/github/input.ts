// An action input, read as @actions/core's getInput reads it. A module without
// imports: validate's entry reads its `pipelines` input before the rest loads.

/** The input's value, trimmed, '' when not given. */
export function getInput(name: string, options: { required?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] ?? '';
  if (options.required && !value) throw new Error(`Input required and not supplied: ${name}`);
  return value.trim();
}
