/** The declared fields of a stored document, without the index signature of mongodb's `Document`. */
type DeclaredFields<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** What a service passes to a repository to create a record: the document without id and timestamps. */
export type NewDocument<T> = Omit<DeclaredFields<T>, "_id" | "createdAt" | "updatedAt">;
