<?php
/**
 * Reads members of a decoded Amazon answer without trusting their presence or type.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Support\Plain_Text;

/**
 * Every member of an Amazon answer may be missing, `null` or of another type than documented
 * (docs/amazon-protocol.md §C5.1, §C8): these readers answer null instead of failing, and turn
 * Amazon's money and attribute wrappers into plain values. Shared by both mappers.
 */
final class Lenient_Reader {

	/**
	 * A Money array from `{amount, currency, displayAmount}`, or null.
	 *
	 * @param array<mixed>|null $money Money object.
	 * @return array{amount: float, currency: string, display: string}|null
	 */
	public static function money( ?array $money ): ?array {
		if ( null === $money ) {
			return null;
		}
		$amount = self::num( $money, 'amount' );
		if ( null === $amount ) {
			return null;
		}
		$currency = (string) ( self::str( $money, 'currency' ) ?? '' );
		$display  = self::str( $money, 'displayAmount' ) ?? trim( $amount . ' ' . $currency );
		return array(
			'amount'   => (float) $amount,
			'currency' => $currency,
			'display'  => $display,
		);
	}

	/**
	 * A unit price from `pricePerUnit` Money. Amazon names the unit only inside `displayAmount`
	 * (`$29.75 / Count`, `1,99 € / 100 ml`), so that string is split at its last slash: the part
	 * before is the money display, the part after the unit ('' when there is no slash).
	 *
	 * @param array<mixed>|null $money `pricePerUnit`.
	 * @return array{amount: float, currency: string, display: string, unit: string}|null
	 */
	public static function unit_price( ?array $money ): ?array {
		$unit_price = self::money( $money );
		if ( null === $unit_price ) {
			return null;
		}
		$unit = '';
		if ( 1 === preg_match( '~^(.*\S)\s*/\s*([^/]+)$~u', $unit_price['display'], $parts ) ) {
			$unit_price['display'] = $parts[1];
			$unit                  = trim( $parts[2] );
		}
		return $unit_price + array( 'unit' => $unit );
	}

	/**
	 * The display value of an attribute wrapper (`{displayValue}`), or of a plain string.
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 */
	public static function display( array $data, string $key ): ?string {
		$value = $data[ $key ] ?? null;
		if ( is_string( $value ) ) {
			return Plain_Text::clean( $value );
		}
		return is_array( $value ) ? self::str( $value, 'displayValue' ) : null;
	}

	/**
	 * A member that is an array, or null (absent, null or another type).
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 * @return array<mixed>|null
	 */
	public static function arr( array $data, string $key ): ?array {
		return isset( $data[ $key ] ) && is_array( $data[ $key ] ) ? $data[ $key ] : null;
	}

	/**
	 * A scalar member as a string, or null.
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 */
	public static function str( array $data, string $key ): ?string {
		return isset( $data[ $key ] ) && is_scalar( $data[ $key ] ) && ! is_bool( $data[ $key ] ) ? Plain_Text::clean( (string) $data[ $key ] ) : null;
	}

	/**
	 * A numeric member (int, float or numeric string), or null.
	 *
	 * @param array<mixed> $data Parent.
	 * @param string       $key  Member.
	 */
	public static function num( array $data, string $key ): int|float|null {
		$value = $data[ $key ] ?? null;
		if ( is_int( $value ) || is_float( $value ) ) {
			return $value;
		}
		return is_string( $value ) && is_numeric( $value ) ? 0 + $value : null;
	}

	/**
	 * The strings of a list.
	 *
	 * @param array<mixed> $values Values.
	 * @return list<string>
	 */
	public static function strings( array $values ): array {
		$out = array();
		foreach ( $values as $value ) {
			if ( is_string( $value ) ) {
				$out[] = Plain_Text::clean( $value );
			}
		}
		return $out;
	}
}
