namespace SupportLens.Web.Delivery;

/// <summary>A SupportLens user who has an email address, as delivery needs to know them.</summary>
/// <param name="Role">The user's role: "executive" users get the executive pack, "success-manager" users their clients' PDFs.</param>
/// <param name="ClientIds">The clients a success manager looks after (empty for other roles).</param>
public sealed record UserContact(string Name, string Email, string Role, IReadOnlyList<string> ClientIds);

/// <summary>
/// The users delivery may address. The web host's user store implements it (users add NAME --role ROLE --email ADDR);
/// until one is registered, <see cref="NoUserContacts"/> stands in and only the configured lists receive mail.
/// </summary>
public interface IUserContacts
{
    IReadOnlyList<UserContact> UsersWithEmail();
}

/// <summary>No users: recipients come from the configuration's lists alone.</summary>
public sealed class NoUserContacts : IUserContacts
{
    public IReadOnlyList<UserContact> UsersWithEmail() => [];
}
