package io.flowengine.internal;

import io.flowengine.InvalidRequestException;
import io.flowengine.Violation;
import java.util.regex.Pattern;

/**
 * The form of account ids: 1-64 of {@code A-Z a-z 0-9 . _ @ -}, starting alphanumeric. Stateless.
 */
final class AccountIds {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  private AccountIds() {}

  /**
   * Checks an account id.
   *
   * @throws InvalidRequestException if it is not of the documented form
   */
  static String check(String accountId) {
    if (!FORM.matcher(accountId).matches()) {
      throw new InvalidRequestException(
          "accountId",
          "'"
              + Violation.printable(accountId)
              + "' is not an account id (1-64 letters, digits, . _ @ -)");
    }
    return accountId;
  }
}
