using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>Who is acting and in which role; every reading operation takes one and checks it (hosts authenticate,
/// the services authorise, so that blinding holds whatever the UI does).</summary>
public sealed record ReadingActor(string User, ReadingRole Role);
