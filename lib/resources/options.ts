/** Choices offered when creating resources (free of imports: client forms use them too). */
export const flavors = ["s6.small.1", "s6.medium.2", "s6.large.2", "c7.xlarge.2"] as const;
export const storageClasses = ["standard", "warm", "cold"] as const;
