// Short model names for sentences people read: `anthropic:claude-opus-5-5` -> "Opus 5.5".
// Pure. Ids it does not recognise are shown as the model part of the id, unchanged.

export function modelName(id: string): string {
  const model = id.slice(id.indexOf(':') + 1)
  const claude = /^claude-([a-z]+)-(\d+)(?:-(\d{1,2}))?(?:-\d{8})?$/.exec(model)
  if (claude) {
    const family = claude[1]!.charAt(0).toUpperCase() + claude[1]!.slice(1)
    return `${family} ${claude[2]}${claude[3] ? `.${claude[3]}` : ''}`
  }
  return model
}
