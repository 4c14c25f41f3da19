<?php
/**
 * Tracking-ID sets: extra partner tags per marketplace, each with a label.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Settings;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Owns the `acapi_tracking_ids` option: country => list of {tag, label}. Publishers use several
 * tracking IDs per marketplace to see which site section or campaign earns; a shortcode's
 * `tag="…"` or a block's "Tracking ID" picks one of these (never any other tag).
 */
final class Tracking_Ids {

	public const OPTION = 'acapi_tracking_ids';

	/**
	 * Most extra tags per marketplace.
	 */
	public const MAX = 20;

	/**
	 * Longest label.
	 */
	public const LABEL_MAX_LENGTH = 60;

	/**
	 * Every marketplace's extra tags.
	 *
	 * @return array<string, list<array{tag: string, label: string}>>
	 */
	public function all(): array {
		$value = get_option( self::OPTION, array() );
		$out   = array();
		foreach ( is_array( $value ) ? $value : array() as $country => $list ) {
			$country = Marketplace_Registry::normalize_country( (string) $country );
			if ( null === Marketplace_Registry::get( $country ) || ! is_array( $list ) ) {
				continue;
			}
			foreach ( $list as $item ) {
				if ( is_array( $item ) && isset( $item['tag'] ) && is_string( $item['tag'] ) && '' !== $item['tag'] ) {
					$out[ $country ][] = array(
						'tag'   => $item['tag'],
						'label' => isset( $item['label'] ) && is_string( $item['label'] ) ? $item['label'] : '',
					);
				}
			}
		}
		return $out;
	}

	/**
	 * One marketplace's extra tags.
	 *
	 * @param string $country Country code.
	 * @return list<array{tag: string, label: string}>
	 */
	public function of( string $country ): array {
		return $this->all()[ Marketplace_Registry::normalize_country( $country ) ] ?? array();
	}

	/**
	 * A list checked: each tag valid and listed once, at most MAX; a blank label is the tag
	 * itself. The entries, and a message per bad one (`tracking_ids.2.tag`).
	 *
	 * @param array<mixed> $list Entries {tag, label}.
	 * @return array{0: list<array{tag: string, label: string}>, 1: array<string, string>}
	 */
	public static function check( array $list ): array {
		$errors = array();
		$out    = array();
		$seen   = array();
		foreach ( array_values( $list ) as $index => $item ) {
			$item  = is_array( $item ) ? $item : array();
			$tag   = isset( $item['tag'] ) && is_string( $item['tag'] ) ? trim( $item['tag'] ) : '';
			$label = isset( $item['label'] ) && is_string( $item['label'] ) ? sanitize_text_field( $item['label'] ) : '';
			$error = Credential_Rules::partner_tag_error( $tag );
			if ( null === $error && isset( $seen[ strtolower( $tag ) ] ) ) {
				$error = __( 'This tracking ID is listed twice.', 'creators-connect-for-amazon' );
			}
			if ( null !== $error ) {
				$errors[ 'tracking_ids.' . $index . '.tag' ] = $error;
				continue;
			}
			if ( mb_strlen( $label ) > self::LABEL_MAX_LENGTH ) {
				/* translators: %d: number of characters. */
				$errors[ 'tracking_ids.' . $index . '.label' ] = sprintf( __( 'Keep the label to %d characters.', 'creators-connect-for-amazon' ), self::LABEL_MAX_LENGTH );
				continue;
			}
			$seen[ strtolower( $tag ) ] = true;
			$out[]                      = array(
				'tag'   => $tag,
				'label' => '' !== $label ? $label : $tag,
			);
		}
		if ( count( $out ) > self::MAX ) {
			/* translators: %d: the most tracking IDs a marketplace takes. */
			$errors['tracking_ids'] = sprintf( __( 'A marketplace takes at most %d extra tracking IDs.', 'creators-connect-for-amazon' ), self::MAX );
		}
		return array( $out, $errors );
	}

	/**
	 * Replaces a marketplace's extra tags (check()'s rules); a 400 names each bad entry.
	 *
	 * @param string       $country Country code.
	 * @param array<mixed> $list    Entries {tag, label}.
	 * @return list<array{tag: string, label: string}>|\WP_Error
	 */
	public function save( string $country, array $list ): array|\WP_Error {
		$country = Marketplace_Registry::normalize_country( $country );
		$message = Credential_Rules::country_error( $country );
		if ( null !== $message ) {
			return Settings_Errors::invalid( array( 'country' => $message ) );
		}
		list( $out, $errors ) = self::check( $list );
		if ( array() !== $errors ) {
			return Settings_Errors::invalid( $errors );
		}
		$all = $this->all();
		if ( array() === $out ) {
			unset( $all[ $country ] );
		} else {
			$all[ $country ] = $out;
		}
		update_option( self::OPTION, $all, false );
		return $out;
	}
}
