/** What a failed API request said (problem+json), for an alert under the form. */
export function problemText(error: unknown): string {
  const p = error as { title?: string; detail?: string; errors?: { field: string; message: string }[] } | undefined;
  if (p?.errors?.length) return p.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return p?.detail ?? p?.title ?? (typeof error === 'string' ? error : '');
}
