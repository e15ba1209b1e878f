"""E5xx: the support matrix of products, languages and channels."""

from supportflow.diagnostics.catalogue import declare

AVAILABLE_AND_COMING_SOON = declare(
    "E501",
    title="Channel both available and coming soon",
    description="""
    A support matrix cell lists the same channel as available and as coming
    soon. Customers would be told both that they can use it and that they
    cannot yet.
    """,
    hint="Keep the channel in one of the two lists.",
    bad="""
    support_matrix:
      online:
        de: {calendar: office, available: [portal, guides], coming_soon: [guides]}
    """,
    good="""
    support_matrix:
      online:
        de: {calendar: office, available: [portal], coming_soon: [guides]}
    """,
)

AVAILABLE_BUT_NOT_OPEN = declare(
    "E502",
    title="Cell offers a channel that is not open yet",
    description="""
    The cell lists the channel as available, but the channel itself has
    `status: coming_soon`. Either the channel has opened, or the cell should
    say coming soon.
    """,
    hint=(
        "Move the channel to the cell's `coming_soon:` list, or set the channel's status "
        "to available."
    ),
    bad="""
    channels:
      chat: {kind: chat, status: coming_soon}
    support_matrix:
      online:
        en: {calendar: always, available: [chat]}
    """,
    good="""
    channels:
      chat: {kind: chat, status: coming_soon}
    support_matrix:
      online:
        en: {calendar: always, coming_soon: [chat]}
    """,
)

UNSAFE_ADDRESS = declare(
    "E503",
    title="Address a customer cannot safely follow",
    description="""
    A channel, portal or organization address starts with a scheme other than
    `https:`, `mailto:` or `tel:`. The help center turns addresses into links,
    and a `javascript:`, `data:` or plain `http:` link would run code in the
    customer's browser or send them over an unencrypted connection.
    """,
    hint=(
        "Write a web address as https://…, an e-mail address as name@example.com or "
        "mailto:…, and a phone number as +46 8 123 45 67 or tel:…."
    ),
    bad="""
    channels:
      chat: {kind: chat, name: Chat, address: "javascript:alert(1)"}
    """,
    good="""
    channels:
      chat: {kind: chat, name: Chat, address: "https://example.com/chat"}
    """,
)
