<?php
/**
 * An Amazon product ID, held to the one rule the whole plugin uses.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Reference;

/**
 * An ASIN: `B0` followed by 8 letters or digits, or a valid ISBN-10 (books keep their ISBN as
 * ASIN; its last character is a mod-11 checksum, `X` standing for 10). Anything else, such as a
 * ten-letter word ("HEADPHONES"), is not an ASIN, so it is never sent to Amazon. Case and the
 * white space around a pasted value do not matter. See docs/contracts.md "Product references".
 */
final class Asin {

	/**
	 * The shape (the ISBN checksum is checked apart): for schemas and documentation.
	 */
	public const PATTERN = '^(?:B0[A-Z0-9]{8}|[0-9]{9}[0-9X])$';

	/**
	 * White space a paste may carry around a value, besides ASCII: no-break space, zero-width
	 * space, byte-order mark (src/shared/product-reference.ts trims the same).
	 */
	public const SPACE = '\s\x{00A0}\x{200B}\x{FEFF}';

	/**
	 * Builds an ASIN from a value already checked.
	 *
	 * @param string $value The normalised ASIN.
	 */
	private function __construct( public readonly string $value ) {
	}

	/**
	 * The ASIN a value holds, or null when it holds none.
	 *
	 * @param mixed $value A candidate (anything; only strings and numbers can be ASINs).
	 */
	public static function parse( mixed $value ): ?self {
		$asin = is_string( $value ) || is_int( $value ) ? self::normalize( (string) $value ) : '';
		return self::is_valid( $asin ) ? new self( $asin ) : null;
	}

	/**
	 * Whether a value is an ASIN once normalised.
	 *
	 * @param string $value A candidate.
	 */
	public static function is_valid( string $value ): bool {
		$value = self::normalize( $value );
		if ( 1 === preg_match( '/^B0[A-Z0-9]{8}$/', $value ) ) {
			return true;
		}
		return 1 === preg_match( '/^[0-9]{9}[0-9X]$/', $value ) && self::isbn10_checksum_holds( $value );
	}

	/**
	 * A value upper-cased, without the white space around it.
	 *
	 * @param string $value A candidate.
	 */
	public static function normalize( string $value ): string {
		$trimmed = preg_replace( '/^[' . self::SPACE . ']+|[' . self::SPACE . ']+$/u', '', $value );
		// Not UTF-8: no pasted ASIN, but still trimmed the ASCII way for the error message.
		return strtoupper( null === $trimmed ? trim( $value ) : $trimmed );
	}

	/**
	 * A list of candidates normalised and de-duplicated, split into ASINs and malformed values
	 * (blank ones dropped). The clients' batch loop and the read path start from it.
	 *
	 * @param array<mixed> $values Candidates.
	 * @return array{0: list<string>, 1: list<string>} Valid ASINs, malformed values.
	 */
	public static function partition( array $values ): array {
		$valid = array();
		$bad   = array();
		foreach ( $values as $value ) {
			$value = self::normalize( is_scalar( $value ) ? (string) $value : '' );
			if ( self::is_valid( $value ) ) {
				$valid[ $value ] = true;
			} elseif ( '' !== $value ) {
				$bad[ $value ] = true;
			}
		}
		return array( array_map( 'strval', array_keys( $valid ) ), array_map( 'strval', array_keys( $bad ) ) );
	}

	/**
	 * Whether an ISBN-10's weighted sum (10 × first digit … 1 × check digit) divides by 11.
	 *
	 * @param string $isbn Nine digits and a digit or X.
	 */
	private static function isbn10_checksum_holds( string $isbn ): bool {
		$sum = 0;
		for ( $i = 0; $i < 10; $i++ ) {
			$digit = 'X' === $isbn[ $i ] ? 10 : (int) $isbn[ $i ];
			$sum  += ( 10 - $i ) * $digit;
		}
		return 0 === $sum % 11;
	}

	/**
	 * The ASIN as text.
	 */
	public function __toString(): string {
		return $this->value;
	}
}
