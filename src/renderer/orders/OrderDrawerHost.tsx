// Placeholder until H5 builds the order drawer: shows the 督办单 named by the address (?order=).
export function OrderDrawerHost(): null {
  return null;
}
